package io.newsflow.projection.ops;

import java.util.List;
import java.util.Map;

import io.newsflow.projection.ops.DeadLetterQueue.Action;
import io.newsflow.projection.ops.DeadLetterQueue.DeadLetter;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters} on the management port: {@code GET} lists the pending dead letters;
 * {@code POST} with {@code {"action": "replay"}} or {@code {"action": "discard"}} acts on all of them,
 * and {@code POST /actuator/deadletters/{id}} on one.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterQueue queue;

    public DeadLetterEndpoint(DeadLetterQueue queue) {
        this.queue = queue;
    }

    @ReadOperation
    public Map<String, Object> pending() {
        List<DeadLetter> pending = this.queue.pending();
        return Map.of("topic", this.queue.topic(), "pending", pending.size(), "records", pending);
    }

    @WriteOperation
    public Map<String, Object> actOnAll(String action) {
        Action parsed = Action.parse(action);
        return Map.of("action", parsed.name().toLowerCase(), "records", this.queue.actOnAll(parsed));
    }

    @WriteOperation
    public DeadLetter act(@Selector String id, String action) {
        return this.queue.act(id, Action.parse(action));
    }
}
