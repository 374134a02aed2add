package io.newsflow.service;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Kafka reachability for the readiness group: the cluster answers a describe-cluster
 * request within the timeout. One admin client is kept for the life of the service.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements AutoCloseable {

    private final Admin admin;

    private final Duration timeout;

    public KafkaHealthIndicator(Map<String, Object> adminProperties, Duration timeout) {
        super("Kafka is not reachable");
        Map<String, Object> config = new HashMap<>(adminProperties);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        this.admin = Admin.create(config);
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) this.timeout.toMillis()));
        Collection<Node> nodes = cluster.nodes().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
        builder.up()
            .withDetail("clusterId", cluster.clusterId().get(this.timeout.toMillis(), TimeUnit.MILLISECONDS))
            .withDetail("brokers", nodes.size());
    }

    @Override
    public void close() {
        this.admin.close(Duration.ofSeconds(2));
    }

}
