package io.newsflow.projection.ops;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.newsflow.projection.ops.DeadLetterQueue.Action;
import io.newsflow.projection.ops.DeadLetterQueue.Handled;
import io.newsflow.projection.ops.DeadLetterQueue.NoSuchDeadLetterException;
import io.newsflow.projection.ops.DeadLetterQueue.Page;
import io.newsflow.projection.read.NotFoundException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /actuator/deadletters} on the management port: {@code GET} lists pending dead
 * letters a page at a time ({@code ?limit=}, up to 1,000, and the {@code nextCursor} of
 * the previous page as {@code ?cursor=}) with the counts of the whole topic; {@code POST}
 * with {@code {"action": "replay"}} or {@code {"action": "discard"}} acts on all of them,
 * and {@code POST /actuator/deadletters/{id}} on one. The HTTP answers are made here: a
 * letter the topic does not hold (or one already handled) is a {@code 404}, a topic that
 * cannot be read now a {@code 503}.
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
        Page page;
        DeadLetterQueue.Counts counts;
        try {
            page = this.queue.pending(cursor, limit == null ? DEFAULT_PAGE : limit);
            counts = this.queue.counts();
        }
        catch (DeadLetterTopicUnavailableException ex) {
            throw unavailable(ex);
        }
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
        try {
            return Map.of("action", parsed.name().toLowerCase(Locale.ROOT), "outcomes", this.queue.actOnAll(parsed));
        }
        catch (DeadLetterTopicUnavailableException ex) {
            throw unavailable(ex);
        }
    }

    @WriteOperation
    public Handled act(@Selector String id, String action) {
        Action parsed = Action.parse(action);
        try {
            return this.queue.act(id, parsed);
        }
        catch (NoSuchDeadLetterException ex) {
            throw new NotFoundException(ex.getMessage());
        }
        catch (DeadLetterTopicUnavailableException ex) {
            throw unavailable(ex);
        }
    }

    /** A broker that cannot be reached is a 503 the operator may retry, never a 404. */
    private static ResponseStatusException unavailable(DeadLetterTopicUnavailableException ex) {
        return new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage(), ex);
    }

}
