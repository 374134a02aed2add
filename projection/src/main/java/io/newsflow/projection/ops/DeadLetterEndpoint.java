package io.newsflow.projection.ops;

import java.util.LinkedHashMap;
import java.util.Map;

import io.newsflow.projection.ops.DeadLetterQueue.Action;
import io.newsflow.projection.ops.DeadLetterQueue.Handled;
import io.newsflow.projection.ops.DeadLetterQueue.Page;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/deadletters} on the management port: {@code GET} lists pending dead
 * letters a page at a time ({@code ?limit=}, up to 1,000, and the {@code nextCursor} of
 * the previous page as {@code ?cursor=}) with the counts of the whole topic; {@code POST}
 * with {@code {"action": "replay"}} or {@code {"action": "discard"}} acts on all of them,
 * and {@code POST /actuator/deadletters/{id}} on one.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final int DEFAULT_PAGE = 100;

    private final DeadLetterQueue<?> queue;

    public DeadLetterEndpoint(DeadLetterQueue<?> queue) {
        this.queue = queue;
    }

    @ReadOperation
    public Map<String, Object> pending(@Nullable String cursor, @Nullable Integer limit) {
        Page page = this.queue.pending(cursor, limit == null ? DEFAULT_PAGE : limit);
        DeadLetterQueue.Counts counts = this.queue.counts();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("topic", this.queue.topic());
        answer.put("held", counts.held());
        answer.put("pending", counts.pending());
        answer.put("records", page.records());
        answer.put("nextCursor", page.nextCursor());
        return answer;
    }

    @WriteOperation
    public Map<String, Object> actOnAll(String action) {
        Action parsed = Action.parse(action);
        return Map.of("action", parsed.name().toLowerCase(), "outcomes", this.queue.actOnAll(parsed));
    }

    @WriteOperation
    public Handled act(@Selector String id, String action) {
        return this.queue.act(id, Action.parse(action));
    }

}
