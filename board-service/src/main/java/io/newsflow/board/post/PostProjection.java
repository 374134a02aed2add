package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.Projection;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Post events as documents of the {@code posts} collection, keyed by {@code board:number}. Listing
 * rows and full posts of one key merge: the listing fields follow the document's revision (the newer
 * event wins, and a value an event lacks is never erased), the body has a revision of its own, so a
 * listing row never erases it and a full post fills it in whenever it arrives.
 */
@Component
class PostProjection implements Projection<PostEvent> {

    static final String BODY_REVISION = "bodyRevision";

    static final List<String> CONTENT_FIELDS = List.of("title", "author", "postedAt", "commentCount", "url", "body",
            "category", "acceptedAt", "tokens");

    @Override
    public String id(PostEvent event) {
        return event.postKey();
    }

    @Override
    public long revision(PostEvent event) {
        return event.revision();
    }

    @Override
    public Instant acceptedAt(PostEvent event) {
        return event.occurredAt();
    }

    @Override
    public boolean removes(PostEvent event) {
        return event instanceof PostRemoved;
    }

    @Override
    public String contentHash(PostEvent event) {
        if (event instanceof PostListed listed) {
            return listed.contentHash();
        }
        return event instanceof PostPublished published ? published.contentHash() : null;
    }

    @Override
    public Document fields(PostEvent event) {
        Document fields = new Document("board", event.board()).append("number", event.number())
                .append("acceptedAt", Date.from(event.occurredAt()));
        if (event instanceof PostListed listed) {
            putListing(fields, listed.title(), listed.author(), listed.postedAt(), listed.commentCount(), listed.url());
            putIfPresent(fields, "category", listed.category());
        }
        else if (event instanceof PostPublished post) {
            putListing(fields, post.title(), post.author(), post.postedAt(), post.commentCount(), post.url());
            putIfPresent(fields, "category", post.category());
        }
        return fields;
    }

    /** Only the values the event has: what it lacks stays as stored. */
    private static void putListing(Document fields, String title, String author, Instant postedAt,
            Integer commentCount, String url) {
        putIfPresent(fields, "title", title);
        putIfPresent(fields, "tokens", title == null ? null : KoreanTokens.of(title));
        putIfPresent(fields, "author", author);
        putIfPresent(fields, "postedAt", postedAt == null ? null : Date.from(postedAt));
        putIfPresent(fields, "commentCount", commentCount);
        putIfPresent(fields, "url", url);
    }

    private static void putIfPresent(Document fields, String name, Object value) {
        if (value != null) {
            fields.append(name, value);
        }
    }

    @Override
    public List<String> fieldGroupRevisionFields() {
        return List.of(BODY_REVISION);
    }

    @Override
    public List<FieldGroup> fieldGroups(PostEvent event) {
        if (event instanceof PostPublished post && post.body() != null) {
            return List.of(new FieldGroup(BODY_REVISION, new Document("body", post.body())));
        }
        return event instanceof PostRemoved ? List.of(new FieldGroup(BODY_REVISION, new Document())) : List.of();
    }

    @Override
    public List<String> contentFields() {
        return CONTENT_FIELDS;
    }

    @Override
    public void validate(String key, PostEvent event) {
        String expected;
        try {
            expected = event.postKey();
        }
        catch (IllegalArgumentException ex) {
            throw new PoisonEventException(ex.getMessage());
        }
        if (!expected.equals(key)) {
            throw new PoisonEventException("post " + expected + " does not match record key " + key);
        }
        if (event.revision() <= 0 || event.occurredAt() == null) {
            throw new PoisonEventException("revision must be positive and occurredAt present");
        }
        if (!(event instanceof PostRemoved) && contentHash(event) == null) {
            throw new PoisonEventException("a post event needs a contentHash");
        }
        if (event instanceof PostListed listed && isBlank(listed.title())
                || event instanceof PostPublished post && isBlank(post.title())) {
            throw new PoisonEventException("a post event needs a title");
        }
        PoisonEventException.requireStorable("occurredAt", event.occurredAt());
        PoisonEventException.requireStorable("postedAt", event instanceof PostListed listed ? listed.postedAt()
                : event instanceof PostPublished post ? post.postedAt() : null);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
