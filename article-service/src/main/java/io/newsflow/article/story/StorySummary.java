package io.newsflow.article.story;

import java.time.Instant;
import java.util.List;

import org.bson.Document;

/**
 * A story in a listing: its first article's title and link, when it was first and last
 * printed, how many articles and which outlets.
 */
record StorySummary(String id, String title, String url, String outlet, Instant firstSeen, Instant lastSeen,
        int articles, List<String> outlets) {

    static StorySummary of(Document story) {
        return new StorySummary(story.getString("_id"), story.getString("title"), story.getString("url"),
                story.getString("outlet"), story.getDate("firstSeen").toInstant(),
                story.getDate("lastSeen").toInstant(), story.get("size", Number.class).intValue(),
                story.getList("outlets", String.class, List.of()));
    }
}
