package io.newsflow.article;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bson.Document;

/** An article as the API returns it. */
public record ArticleView(String id, String url, String title, List<String> subtitles, List<String> paragraphs,
        List<Caption> captions, String outlet, String author, Instant publishedAt, String section, List<String> tags,
        String language, long revision) {

    public record Caption(String text, String credit) {
    }

    static ArticleView of(Document document) {
        return new ArticleView(document.getString("_id"), document.getString("url"), document.getString("title"),
                document.getList("subtitles", String.class, List.of()),
                document.getList("paragraphs", String.class, List.of()),
                document.getList("captions", Document.class, List.of())
                    .stream()
                    .map(caption -> new Caption(caption.getString("text"), caption.getString("credit")))
                    .toList(),
                document.getString("outlet"), document.getString("author"), instant(document.getDate("publishedAt")),
                document.getString("section"), document.getList("tags", String.class, List.of()),
                document.getString("language"), document.get("revision", Number.class).longValue());
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
