package io.newsflow.article.story;

import java.time.Instant;
import java.util.List;

/**
 * A story as the API returns it: its articles earliest first (the first is the story's
 * id), the outlets that printed it and when.
 *
 * @param articles the story's articles, at most {@value StoryQueries#ARTICLES_SHOWN}
 * @param size how many articles the story has
 * @param reposts the board posts the story was reposted in, earliest first: its articles
 * that were read from a board post (among those listed in {@code articles})
 */
public record StoryView(String id, String title, Instant firstSeen, Instant lastSeen, int size, List<String> outlets,
        List<StoryArticle> articles, List<Repost> reposts) {

    /** An article of the story. */
    public record StoryArticle(String id, String title, String url, String outlet, Instant publishedAt) {
    }

    /**
     * A board post that carries the story: board-service serves it at
     * {@code /api/v1/boards/{board}/posts/{number}}.
     *
     * @param articleId the story's article read from the post
     * @param url the post's page
     * @param seenAt when ingest accepted it
     */
    public record Repost(String board, long number, String articleId, String title, String url, Instant seenAt) {
    }
}
