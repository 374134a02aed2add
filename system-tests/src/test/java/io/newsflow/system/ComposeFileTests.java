package io.newsflow.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.contracts.Topics;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} is the production shape, and nothing here can run it (no
 * Docker engine): what it promises is checked from the file and the build instead. Data
 * lives on volumes where each program keeps it; images are the ones the build makes;
 * every secret must be given; every topic is created with its configuration; the services
 * outlive their graceful shutdown and restart; only the APIs and the operators' tools are
 * published.
 */
class ComposeFileTests {

    private static final Path HOME = Path.of("..");

    private static final List<String> SERVICES = List.of("ingest-service", "article-service", "board-service");

    private static final List<String> CONSUMERS = List.of("article-service", "board-service");

    private final Map<String, Object> compose = load();

    @Test
    void everyStoreKeepsItsDataOnANamedVolumeWhereTheProgramWritesIt() {
        Map<String, Object> kafkaEnvironment = map(service("kafka").get("environment"));
        String logDirs = String.valueOf(kafkaEnvironment.get("KAFKA_LOG_DIRS"));
        assertThat(volumes("kafka")).contains("kafka-data:" + logDirs);
        assertThat(kafkaEnvironment.get("CLUSTER_ID")).as("a fixed cluster id, so the log directory stays its own")
            .asString()
            .isNotBlank();
        assertThat(volumes("mongo")).contains("mongo-data:/data/db");
        assertThat(volumes("prometheus")).contains("prometheus-data:/prometheus");
        assertThat(String.join(" ", list(service("prometheus").get("command"))))
            .contains("--storage.tsdb.path=/prometheus");
        assertThat(volumes("grafana")).contains("grafana-data:/var/lib/grafana");
        assertThat(map(this.compose.get("volumes")).keySet()).contains("kafka-data", "mongo-data", "prometheus-data",
                "alertmanager-data", "grafana-data");
    }

    @Test
    void everyFileMountedFromTheRepositoryExists() {
        for (String name : map(this.compose.get("services")).keySet()) {
            for (String volume : volumes(name)) {
                if (volume.startsWith("./")) {
                    Path source = HOME.resolve(volume.substring(2, volume.indexOf(':')));
                    assertThat(source).as(name + " mounts " + volume).exists();
                }
            }
        }
    }

    @Test
    void servicesRunTheImagesTheBuildMakesAndNoDockerfileCompetes() throws IOException {
        String version = projectVersion();
        String rootPom = Files.readString(HOME.resolve("pom.xml"));
        assertThat(rootPom).contains("<image>newsflow/${project.artifactId}:${project.version}</image>");
        for (String service : SERVICES) {
            assertThat(service(service).get("image"))
                .isEqualTo("newsflow/" + service + ":${NEWSFLOW_VERSION:-" + version + "}");
            assertThat(Files.readString(HOME.resolve(service).resolve("pom.xml")))
                .as(service + " builds its image " + "and tells its build and commit at /actuator/info")
                .contains("jib-maven-plugin", "git-commit-id-maven-plugin", "spring-boot-maven-plugin");
            assertThat(HOME.resolve(service).resolve("Dockerfile")).doesNotExist();
        }
    }

    @Test
    void servicesRestartAndOutliveTheirGracefulShutdown() {
        for (String service : SERVICES) {
            Map<String, Object> definition = service(service);
            assertThat(definition.get("restart")).as(service).isEqualTo("unless-stopped");
            // Spring Boot's graceful shutdown waits up to 30 s for requests and the last
            // batch
            assertThat(Duration.parse("PT" + definition.get("stop_grace_period").toString().toUpperCase())).as(service)
                .isGreaterThan(Duration.ofSeconds(30));
            assertThat(map(definition.get("healthcheck")).get("test")).as(service).isNotNull();
        }
        for (String store : List.of("kafka", "mongo", "prometheus", "alertmanager", "grafana")) {
            assertThat(service(store).get("restart")).as(store).isEqualTo("unless-stopped");
            // a service that depends on it can wait for it to be healthy, an operator
            // sees it
            assertThat(map(service(store).get("healthcheck")).get("test")).as(store + " has a healthcheck").isNotNull();
        }
    }

    @Test
    void everySecretMustBeGivenAndNoneHasADefault() throws IOException {
        String text = Files.readString(HOME.resolve("docker-compose.yml"));
        Set<String> required = new TreeSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(text);
        while (matcher.find()) {
            required.add(matcher.group(1));
        }
        assertThat(required).containsExactlyInAnyOrder("NEWSFLOW_API_KEYS", "NEWSFLOW_OPERATOR_KEYS",
                "MONGO_ROOT_PASSWORD", "MONGO_APP_PASSWORD", "GRAFANA_ADMIN_PASSWORD");
        assertThat(text).doesNotContainPattern("(?i)(PASSWORD|KEYS)[A-Z_]*:-");
        String operations = Files.readString(HOME.resolve("docs").resolve("operations.md"));
        assertThat(required).allSatisfy(
                variable -> assertThat(operations).as("operations.md documents " + variable).contains(variable));
    }

    @Test
    void theInitStepCreatesEveryTopicWithItsConfigurationBeforeAnyServiceStarts() {
        String script = String.join("\n", list(service("kafka-init").get("command")));
        for (String topic : List.of(Topics.ARTICLES, Topics.POSTS)) {
            assertThat(script).contains("create " + topic + " --config cleanup.policy=compact");
            assertThat(script).contains("create " + Topics.deadLetter(topic) + " --config cleanup.policy=delete");
        }
        assertThat(map(service("kafka").get("environment")).get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");
        for (String service : SERVICES) {
            assertThat(map(map(service(service).get("depends_on")).get("kafka-init")).get("condition")).as(service)
                .isEqualTo("service_completed_successfully");
        }
    }

    @Test
    void consumersWriteWithMajorityAndRejoinUnderTheirContainersName() {
        for (String consumer : CONSUMERS) {
            Map<String, Object> environment = map(service(consumer).get("environment"));
            assertThat(environment.get("MONGODB_URI")).asString().contains("w=majority").contains("replicaSet=rs0");
            assertThat(environment.get("NEWSFLOW_INSTANCE_ID")).isEqualTo("$${HOSTNAME}");
            assertThat(map(map(service(consumer).get("depends_on")).get("mongo")).get("condition"))
                .isEqualTo("service_healthy");
        }
    }

    /**
     * A variable a service reads whose default is empty or points at localhost would
     * leave the container without a key or looking for Kafka and MongoDB in itself:
     * compose must set it.
     */
    @Test
    void everyVariableAServiceReadsWithoutAUsableDefaultIsSet() throws IOException {
        String consumers = "projection/src/main/resources/newsflow-projection.yml";
        Map<String, List<String>> configurations = Map.of("ingest-service",
                List.of("ingest-service/src/main/resources/ingest.yml"), "article-service",
                List.of("article-service/src/main/resources/article.yml", consumers), "board-service",
                List.of("board-service/src/main/resources/board.yml", consumers));
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
        for (Map.Entry<String, List<String>> configuration : configurations.entrySet()) {
            Set<String> needed = new TreeSet<>();
            for (String file : configuration.getValue()) {
                Matcher matcher = placeholder.matcher(Files.readString(HOME.resolve(file)));
                while (matcher.find()) {
                    String fallback = matcher.group(2);
                    if (fallback == null || fallback.isEmpty() || fallback.contains("localhost")) {
                        needed.add(matcher.group(1));
                    }
                }
            }
            assertThat(needed).as(configuration.getKey()).isNotEmpty();
            assertThat(map(service(configuration.getKey()).get("environment")).keySet()).as(configuration.getKey())
                .containsAll(needed);
        }
    }

    @Test
    void onlyTheApisAndTheOperatorsToolsArePublished() {
        List<String> published = new ArrayList<>();
        for (String name : map(this.compose.get("services")).keySet()) {
            list(service(name).get("ports")).forEach(port -> published.add(name + " " + port));
        }
        assertThat(published).containsExactlyInAnyOrder("ingest-service 8081:8081", "article-service 8082:8082",
                "board-service 8083:8083", "prometheus 9090:9090", "alertmanager 9093:9093", "grafana 3000:3000");
    }

    private Map<String, Object> service(String name) {
        Map<String, Object> service = map(map(this.compose.get("services")).get(name));
        assertThat(service).as("service " + name).isNotEmpty();
        return service;
    }

    private List<String> volumes(String service) {
        return list(service(service).get("volumes")).stream().map(volume -> volume.replaceFirst(":ro$", "")).toList();
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<artifactId>newsflow</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(HOME.resolve("pom.xml")));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static List<String> list(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    private static Map<String, Object> load() {
        try {
            // "$$" is compose's escape of "$"; the parser keeps it as written
            return new Yaml().load(Files.readString(HOME.resolve("docker-compose.yml")));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

}
