package io.newsflow.article.story;

import java.time.Instant;
import java.util.List;

/**
 * A story as the API returns it: its articles earliest first (the first is the story's
 * id), the outlets that printed it and when.
 *
 * @param articles the story's articles, at most {@value StoryQueries#ARTICLES_SHOWN}
 * @param size how many articles the story has
 */
public record StoryView(String id, String title, Instant firstSeen, Instant lastSeen, int size, List<String> outlets,
        List<StoryArticle> articles) {

    /** An article of the story. */
    public record StoryArticle(String id, String title, String url, String outlet, Instant publishedAt) {
    }
}
