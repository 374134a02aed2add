package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * A board: its slug, how many posts it holds, its newest post number and when its latest
 * post was posted.
 */
record BoardSummary(String slug, long posts, long newestNumber, Instant latestPostAt) {

    static BoardSummary of(Document group) {
        Date latest = group.getDate("latestPostAt");
        return new BoardSummary(group.getString("_id"), group.get("posts", Number.class).longValue(),
                group.get("newestNumber", Number.class).longValue(), latest == null ? null : latest.toInstant());
    }
}
