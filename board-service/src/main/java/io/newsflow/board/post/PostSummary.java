package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/** A post in a listing: its row, and whether its full text is known. */
record PostSummary(String board, long number, String title, String author, Instant postedAt, Integer commentCount,
        String url, String category, boolean hasBody) {

    static PostSummary of(Document document) {
        Date postedAt = document.getDate("postedAt");
        return new PostSummary(document.getString("board"), document.get("number", Number.class).longValue(),
                document.getString("title"), document.getString("author"),
                postedAt == null ? null : postedAt.toInstant(), document.getInteger("commentCount"),
                document.getString("url"), document.getString("category"), document.getBoolean("hasBody", false));
    }
}
