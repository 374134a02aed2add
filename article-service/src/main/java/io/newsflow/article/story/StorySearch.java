package io.newsflow.article.story;

import java.time.Instant;

import io.newsflow.service.web.InvalidFieldException;

/**
 * A validated listing request of stories.
 *
 * @param q search words (in the story's first article), or {@code null}
 * @param outlet only stories this outlet printed, or {@code null}
 * @param from earliest firstSeen (inclusive), or {@code null}
 * @param to latest firstSeen (inclusive), or {@code null}
 * @param minArticles only stories of at least this many articles
 * @param cursor where the previous page ended, or {@code null}
 */
record StorySearch(String q, String outlet, Instant from, Instant to, int minArticles, int limit, StoryCursor cursor) {

    static final int MAX_LIMIT = 100;

    static final int DEFAULT_LIMIT = 20;

    StorySearch {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (minArticles < 1 || minArticles > StoryGrouping.LARGEST) {
            throw new InvalidFieldException("minArticles", "must be between 1 and " + StoryGrouping.LARGEST);
        }
    }
}
