package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.newsflow.contracts.PostBodyPublished;
import io.newsflow.contracts.PostBodyRemoved;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.projection.Change;
import io.newsflow.projection.PoisonEventException;
import io.newsflow.projection.Projection;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.stereotype.Component;

/**
 * Post events as documents of the {@code posts} collection, keyed by
 * {@code board:number}. The listing fields follow the newest listing event of the post,
 * all of them (a field it lacks is cleared): that is what log compaction keeps. The body
 * is a field group with a revision of its own, written by its own events under its own
 * record key ({@link PostBodyPublished}, {@link PostBodyRemoved}), so a listing row never
 * erases it and compaction never drops it; a removal clears both at its revision.
 */
@Component
class PostProjection implements Projection<PostEvent> {

    static final String BODY_REVISION = "bodyRevision";

    /**
     * The body, whether there is one (listings leave the body out but show that) and the
     * article it carries, when it is a reposted news article.
     */
    static final FieldGroup BODY = new FieldGroup(BODY_REVISION, List.of("body", "hasBody", "articleId"));

    private static final Pattern ARTICLE_ID = Pattern.compile("a-[0-9a-f]{24}");

    static final List<String> CONTENT_FIELDS = List.of("board", "number", "title", "author", "postedAt", "commentCount",
            "url", "category", "acceptedAt", "tokens");

    @Override
    public Instant acceptedAt(PostEvent event) {
        return event.occurredAt();
    }

    @Override
    public Change change(PostEvent event) {
        if (event instanceof PostListed listed) {
            return new Change.Replace(listed.postKey(), listed.revision(), listed.contentHash(),
                    listing(event, listed.title(), listed.author(), listed.postedAt(), listed.commentCount(),
                            listed.url(), listed.category()));
        }
        if (event instanceof PostPublished post) {
            Map<String, Document> groups = post.body() == null ? Map.of()
                    : Map.of(BODY_REVISION, body(post.body(), null));
            return new Change.Replace(post.postKey(), post.revision(), post.contentHash(), listing(event, post.title(),
                    post.author(), post.postedAt(), post.commentCount(), post.url(), post.category()), groups);
        }
        if (event instanceof PostBodyPublished body) {
            return new Change.Groups(body.postKey(), body.revision(),
                    Map.of(BODY_REVISION, body(body.body(), body.articleId())));
        }
        if (event instanceof PostBodyRemoved removed) {
            return new Change.Groups(removed.postKey(), removed.revision(), Map.of(BODY_REVISION, NO_BODY));
        }
        return new Change.Remove(event.postKey(), event.revision());
    }

    /** A removed body: its fields cleared at the removal's revision. */
    private static final Document NO_BODY = new Document("body", null).append("hasBody", null)
        .append("articleId", null);

    private static Document body(String text, String articleId) {
        return new Document("body", text).append("hasBody", true).append("articleId", articleId);
    }

    /** Every listing field, present or not: the newest listing event gives them all. */
    private static Document listing(PostEvent event, String title, String author, Instant postedAt,
            Integer commentCount, String url, String category) {
        Document fields = new Document("board", event.board()).append("number", event.number())
            .append("acceptedAt", Date.from(event.occurredAt()))
            .append("title", title)
            .append("tokens", title == null ? null : KoreanTokens.of(title))
            .append("author", author)
            .append("postedAt", postedAt == null ? null : Date.from(postedAt))
            .append("commentCount", commentCount)
            .append("url", url)
            .append("category", category);
        return fields;
    }

    @Override
    public List<FieldGroup> fieldGroups() {
        return List.of(BODY);
    }

    @Override
    public List<String> contentFields() {
        return CONTENT_FIELDS;
    }

    @Override
    public void validate(String key, PostEvent event) {
        String expected;
        try {
            expected = event.recordKey();
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
        if (!(event instanceof PostRemoved) && !(event instanceof PostBodyRemoved) && contentHash(event) == null) {
            throw new PoisonEventException("a post event needs a contentHash");
        }
        if (event instanceof PostListed listed && isBlank(listed.title())
                || event instanceof PostPublished post && isBlank(post.title())) {
            throw new PoisonEventException("a post event needs a title");
        }
        if (event instanceof PostBodyPublished body && body.body() == null) {
            throw new PoisonEventException("a PostBodyPublished needs a body");
        }
        if (event instanceof PostBodyPublished body && body.articleId() != null
                && !ARTICLE_ID.matcher(body.articleId()).matches()) {
            throw new PoisonEventException("articleId " + body.articleId() + " is no article id");
        }
        PoisonEventException.requireStorable("occurredAt", event.occurredAt());
        PoisonEventException.requireStorable("postedAt", event instanceof PostListed listed ? listed.postedAt()
                : event instanceof PostPublished post ? post.postedAt() : null);
    }

    private static String contentHash(PostEvent event) {
        if (event instanceof PostListed listed) {
            return listed.contentHash();
        }
        if (event instanceof PostBodyPublished body) {
            return body.contentHash();
        }
        return event instanceof PostPublished published ? published.contentHash() : null;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

}
