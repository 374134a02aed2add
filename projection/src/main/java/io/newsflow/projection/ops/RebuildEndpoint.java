package io.newsflow.projection.ops;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/rebuild} on the management port: {@code GET} shows the progress of the
 * last rebuild (records read, lag, the collection served); {@code POST} starts one.
 */
@Endpoint(id = "rebuild")
public class RebuildEndpoint {

    private final ReadModelRebuild<?> rebuild;

    public RebuildEndpoint(ReadModelRebuild<?> rebuild) {
        this.rebuild = rebuild;
    }

    @ReadOperation
    public ReadModelRebuild.Status status() {
        return this.rebuild.status();
    }

    @WriteOperation
    public ReadModelRebuild.Status start() {
        return this.rebuild.start();
    }

}
