package io.newsflow.article;

import java.time.Instant;

import io.newsflow.service.web.InvalidFieldException;

/**
 * A validated listing request.
 *
 * @param q search words, or {@code null}
 * @param outlet exact outlet, or {@code null}
 * @param from earliest publishedAt (inclusive), or {@code null}
 * @param to latest publishedAt (inclusive), or {@code null}
 * @param cursor where the previous page ended, or {@code null} for the first page
 */
record ArticleSearch(String q, String outlet, Instant from, Instant to, int limit, Cursor cursor) {

    static final int MAX_LIMIT = 100;

    static final int DEFAULT_LIMIT = 20;

    ArticleSearch {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidFieldException("limit", "must be between 1 and " + MAX_LIMIT);
        }
    }
}
