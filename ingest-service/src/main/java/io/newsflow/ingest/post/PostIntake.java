package io.newsflow.ingest.post;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.newsflow.contracts.PostBodyPublished;
import io.newsflow.contracts.PostBodyRemoved;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostKey;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.normalize.Dates;
import io.newsflow.ingest.normalize.Hashing;
import io.newsflow.ingest.normalize.RevisionClock;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.normalize.Urls;
import io.newsflow.ingest.publish.EventPublisher;
import io.newsflow.ingest.publish.OutgoingEvent;
import io.newsflow.ingest.publish.Prepared;
import io.newsflow.service.web.InvalidFieldException;

import org.springframework.stereotype.Service;

/**
 * Turns post requests into normalised post events and publishes them, keyed by
 * {@code board:number}.
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
        Prepared post = prepare(request);
        this.publisher.publish(post);
        this.metrics.accepted(IngestMetrics.POST, 1);
        return post.id();
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
        long revision = this.clock.next(now);
        // the body's key gets the removal too: when the post is listed again, its own
        // key's newest
        // record is the new row, and compaction would otherwise keep the old body on the
        // body's key
        this.publisher.publish(new Prepared(key.toString(),
                List.of(outgoing(new PostRemoved(UUID.randomUUID().toString(), now, PostEvent.SCHEMA_VERSION,
                        key.board(), key.number(), revision)),
                        outgoing(new PostBodyRemoved(UUID.randomUUID().toString(), now, PostEvent.SCHEMA_VERSION,
                                key.board(), key.number(), revision)))));
    }

    /** The normalised events of a request, accepted now, ready to publish. */
    public Prepared prepare(PostRequest request) {
        List<PostEvent> events = toEvents(request, this.clock.now());
        return new Prepared(events.get(0).postKey(), events.stream().map(PostIntake::outgoing).toList());
    }

    /** A post event on its record key: the post's, or its body's own. */
    public static OutgoingEvent outgoing(PostEvent event) {
        return new OutgoingEvent(Topics.POSTS, event.recordKey(), event);
    }

    /**
     * The normalised events for a request accepted at {@code acceptedAt}: the listing
     * row, and for a full post its body as an event of its own (same revision), under a
     * record key of its own so that compaction keeps it whatever listing rows of the post
     * come later.
     * @throws InvalidFieldException when a field cannot be normalised
     */
    public List<PostEvent> toEvents(PostRequest request, Instant acceptedAt) {
        PostKey key = new PostKey(request.board(), request.number());
        String title = Text.line(request.title());
        if (title == null) {
            throw new InvalidFieldException("title",
                    "must not be blank (it holds only white space or invisible characters)");
        }
        String author = Text.line(request.author());
        Instant postedAt = request.postedAt() == null || request.postedAt().isBlank() ? null
                : Dates.parse("postedAt", request.postedAt(), acceptedAt);
        String url = request.url() == null || request.url().isBlank() ? null : Urls.canonical("url", request.url());
        String body = request.body() == null ? null : String.join("\n\n", Text.paragraphs(request.body()));
        String category = Text.line(request.category());
        String eventId = UUID.randomUUID().toString();
        String hash = category == null ? Hashing.sha256(key, title, author, postedAt, request.commentCount(), url)
                : Hashing.sha256(key, title, author, postedAt, request.commentCount(), url, category);
        if (request.articleId() != null && (body == null || body.isEmpty())) {
            throw new InvalidFieldException("articleId",
                    "names the article a post's body carries: send it with a body");
        }
        String bodyHash = body == null ? null : request.articleId() == null ? Hashing.sha256(key, body)
                : Hashing.sha256(key, body, request.articleId());
        long revision = this.clock.of(Dates.sourceTime("crawledAt", request.crawledAt(), acceptedAt),
                bodyHash == null ? hash : hash + bodyHash, acceptedAt);
        PostListed listed = new PostListed(eventId, acceptedAt, PostEvent.SCHEMA_VERSION, key.board(), key.number(),
                revision, hash, title, author, postedAt, request.commentCount(), url, category);
        if (body == null || body.isEmpty()) {
            return List.of(listed);
        }
        // the body first: when Kafka refuses it as too large, the listing row is not sent
        // either
        return List.of(new PostBodyPublished(UUID.randomUUID().toString(), acceptedAt, PostEvent.SCHEMA_VERSION,
                key.board(), key.number(), revision, bodyHash, body, request.articleId()), listed);
    }

}
