package io.newsflow.board.post;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

/**
 * A board post as the API returns it; {@code body} is null while only its listing row is
 * known.
 *
 * @param articleId the news article the body carries (a repost; article-service shows it
 * and its story), or {@code null}
 */
public record PostView(String board, long number, String title, String author, Instant postedAt, Integer commentCount,
        String url, String category, String body, String articleId, long revision) {

    static PostView of(Document document) {
        Date postedAt = document.getDate("postedAt");
        return new PostView(document.getString("board"), document.get("number", Number.class).longValue(),
                document.getString("title"), document.getString("author"),
                postedAt == null ? null : postedAt.toInstant(), document.getInteger("commentCount"),
                document.getString("url"), document.getString("category"), document.getString("body"),
                document.getString("articleId"), document.get("revision", Number.class).longValue());
    }
}
