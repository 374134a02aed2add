package io.newsflow.article;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/** An article in a listing: everything but its text. */
record ArticleSummary(String id, String url, String title, List<String> subtitles, String outlet, String author,
        Instant publishedAt, String section, List<String> tags) {

    static ArticleSummary of(Document document) {
        return new ArticleSummary(document.getString("_id"), document.getString("url"), document.getString("title"),
                document.getList("subtitles", String.class, List.of()), document.getString("outlet"),
                document.getString("author"), document.getDate("publishedAt").toInstant(),
                document.getString("section"), document.getList("tags", String.class, List.of()));
    }
}
