package io.newsflow.article;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.newsflow.article.story.StoryOfArticle;
import org.bson.Document;

/**
 * An article as the API returns it.
 *
 * @param post the board post the article was read from (a repost), or {@code null}
 * @param story the story the article belongs to, or {@code null} until it is worked out
 * (a moment after the article is stored)
 */
public record ArticleView(String id, String url, String title, List<String> subtitles, List<String> paragraphs,
        List<Caption> captions, String outlet, String author, Instant publishedAt, String section, List<String> tags,
        String language, BoardPost post, long revision, StoryOfArticle story) {

    public record Caption(String text, String credit) {
    }

    /**
     * A board post: board-service serves it at
     * {@code /api/v1/boards/{board}/posts/{number}}.
     */
    public record BoardPost(String board, long number) {

        static BoardPost of(Document post) {
            return post == null ? null
                    : new BoardPost(post.getString("board"), post.get("number", Number.class).longValue());
        }
    }

    /**
     * The version the ETag names: the revision and the story, which changes as reprints
     * come and go.
     */
    String version() {
        return this.story == null ? Long.toString(this.revision)
                : this.revision + "." + Integer.toHexString(this.story.hashCode());
    }

    static ArticleView of(Document document, StoryOfArticle story) {
        return new ArticleView(document.getString("_id"), document.getString("url"), document.getString("title"),
                document.getList("subtitles", String.class, List.of()),
                document.getList("paragraphs", String.class, List.of()),
                document.getList("captions", Document.class, List.of())
                    .stream()
                    .map(caption -> new Caption(caption.getString("text"), caption.getString("credit")))
                    .toList(),
                document.getString("outlet"), document.getString("author"), instant(document.getDate("publishedAt")),
                document.getString("section"), document.getList("tags", String.class, List.of()),
                document.getString("language"), BoardPost.of(document.get("post", Document.class)),
                document.get("revision", Number.class).longValue(), story);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
