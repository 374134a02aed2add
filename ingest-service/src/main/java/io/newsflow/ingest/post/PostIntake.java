package io.newsflow.ingest.post;

import java.time.Instant;
import java.util.UUID;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostKey;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.normalize.Hashing;
import io.newsflow.ingest.normalize.InvalidFieldException;
import io.newsflow.ingest.normalize.RevisionClock;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.normalize.Urls;
import io.newsflow.ingest.publish.EventPublisher;
import io.newsflow.ingest.publish.OutgoingEvent;

import org.springframework.stereotype.Service;

/**
 * Turns post requests into normalised post events and publishes them, keyed by {@code board:number}.
 */
@Service
public class PostIntake {

    private final EventPublisher publisher;

    private final RevisionClock clock;

    private final IngestMetrics metrics;

    public PostIntake(EventPublisher publisher, RevisionClock clock, IngestMetrics metrics) {
        this.publisher = publisher;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** Publishes the post and returns its key once Kafka acknowledged it. */
    public String accept(PostRequest request) {
        OutgoingEvent event = prepare(request);
        this.publisher.publish(event);
        this.metrics.accepted(IngestMetrics.POST, 1);
        return event.key();
    }

    /** Publishes the removal of a post and returns once Kafka acknowledged it. */
    public void remove(String board, long number) {
        PostKey key;
        try {
            key = new PostKey(board, number);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("board", "must be a board slug and number a positive post number");
        }
        Instant now = this.clock.now();
        this.publisher.publish(outgoing(new PostRemoved(UUID.randomUUID().toString(), now, PostEvent.SCHEMA_VERSION,
                key.board(), key.number(), this.clock.next(now))));
    }

    /** The normalised event of a request, accepted now, ready to publish. */
    public OutgoingEvent prepare(PostRequest request) {
        return outgoing(toEvent(request, this.clock.now()));
    }

    public static OutgoingEvent outgoing(PostEvent event) {
        return new OutgoingEvent(Topics.POSTS, event.postKey(), event);
    }

    /**
     * The normalised event for a request accepted at {@code acceptedAt}: a listing row without a
     * body, a full post with one.
     * @throws InvalidFieldException when a field cannot be normalised
     */
    public PostEvent toEvent(PostRequest request, Instant acceptedAt) {
        PostKey key = new PostKey(request.board(), request.number());
        String title = Text.line(request.title());
        if (title == null) {
            throw new InvalidFieldException("title", "must not be blank (it holds only white space or invisible characters)");
        }
        String author = Text.line(request.author());
        Instant postedAt = request.postedAt() == null || request.postedAt().isBlank() ? null
                : Dates.parse("postedAt", request.postedAt(), acceptedAt);
        String url = request.url() == null || request.url().isBlank() ? null : Urls.canonical("url", request.url());
        String body = request.body() == null ? null : String.join("\n\n", Text.paragraphs(request.body()));
        String category = Text.line(request.category());
        String eventId = UUID.randomUUID().toString();
        long revision = this.clock.next(acceptedAt);
        if (body == null || body.isEmpty()) {
            String hash = category == null ? Hashing.sha256(key, title, author, postedAt, request.commentCount(), url)
                    : Hashing.sha256(key, title, author, postedAt, request.commentCount(), url, category);
            return new PostListed(eventId, acceptedAt, PostEvent.SCHEMA_VERSION, key.board(), key.number(), revision,
                    hash, title, author, postedAt, request.commentCount(), url, category);
        }
        String hash = category == null ? Hashing.sha256(key, title, author, postedAt, request.commentCount(), url, body)
                : Hashing.sha256(key, title, author, postedAt, request.commentCount(), url, body, category);
        return new PostPublished(eventId, acceptedAt, PostEvent.SCHEMA_VERSION, key.board(), key.number(), revision,
                hash, title, author, postedAt, request.commentCount(), url, body, category);
    }
}
