package io.newsflow.article;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import io.newsflow.article.story.StoryOfArticle;
import org.bson.Document;

/**
 * An article as the API returns it.
 *
 * @param story the story the article belongs to, or {@code null} until it is worked out
 * (a moment after the article is stored)
 */
public record ArticleView(String id, String url, String title, List<String> subtitles, List<String> paragraphs,
        List<Caption> captions, String outlet, String author, Instant publishedAt, String section, List<String> tags,
        String language, long revision, StoryOfArticle story) {

    public record Caption(String text, String credit) {
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
                document.getString("language"), document.get("revision", Number.class).longValue(), story);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
