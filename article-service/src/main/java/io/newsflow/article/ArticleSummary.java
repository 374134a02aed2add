package io.newsflow.article;

import java.time.Instant;
import java.util.List;

import io.newsflow.article.story.StoryOfArticle;
import org.bson.Document;

/** An article in a listing: everything but its text, with its story. */
record ArticleSummary(String id, String url, String title, List<String> subtitles, String outlet, String author,
        Instant publishedAt, String section, List<String> tags, StoryOfArticle story) {

    static ArticleSummary of(Document document, StoryOfArticle story) {
        return new ArticleSummary(document.getString("_id"), document.getString("url"), document.getString("title"),
                document.getList("subtitles", String.class, List.of()), document.getString("outlet"),
                document.getString("author"), document.getDate("publishedAt").toInstant(),
                document.getString("section"), document.getList("tags", String.class, List.of()), story);
    }
}
