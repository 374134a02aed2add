package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostKey;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.Projection;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Post events as documents of the {@code posts} collection, keyed by {@code board:number}. A listing
 * row sets only the listing fields, so it never erases the body of a full post.
 */
@Component
class PostProjection implements Projection<PostEvent> {

    static final List<String> CONTENT_FIELDS = List.of("title", "author", "postedAt", "commentCount", "url", "body",
            "acceptedAt");

    @Override
    public String id(PostEvent event) {
        return event.postKey();
    }

    @Override
    public long revision(PostEvent event) {
        return event.revision();
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
        }
        else if (event instanceof PostPublished post) {
            putListing(fields, post.title(), post.author(), post.postedAt(), post.commentCount(), post.url());
            fields.append("body", post.body());
        }
        return fields;
    }

    private static void putListing(Document fields, String title, String author, Instant postedAt,
            Integer commentCount, String url) {
        fields.append("title", title).append("author", author)
                .append("postedAt", postedAt == null ? null : Date.from(postedAt));
        if (commentCount != null) {
            fields.append("commentCount", commentCount);
        }
        if (url != null) {
            fields.append("url", url);
        }
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
        PostKey.parse(expected);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
