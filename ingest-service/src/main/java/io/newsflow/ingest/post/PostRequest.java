package io.newsflow.ingest.post;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A board post. Without a {@code body} it is a listing row ({@code PostListed}); with
 * one, a full post ({@code PostListed} and {@code PostBodyPublished}). {@code postedAt}
 * takes a date or a date-time (Asia/Seoul when no zone is given). {@code category} is the
 * board's category head of the post ({@code 뉴스}, {@code 일반}), kept apart from the title.
 * {@code crawledAt} (when the crawler read it) orders its versions: a listing read
 * earlier and sent later does not replace a newer one. {@code articleId} names the
 * article the body carries (a news article reposted on the board, sent on its own), for a
 * full post only.
 */
public record PostRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}",
                message = "must be a slug of lower-case letters, digits and dashes") String board,
        @NotNull @Min(1) @Max(value = LARGEST_NUMBER, message = "must be at most 9999999999 (ten digits)") Long number,
        @NotBlank @Size(max = 500) String title, @Size(max = 200) String author, @Size(max = 64) String postedAt,
        @Size(max = 2048) String url, @Size(max = 1_000_000) String body, @PositiveOrZero Integer commentCount,
        @Size(max = 50) String category, @Size(max = 64) String crawledAt, @Pattern(regexp = "a-[0-9a-f]{24}",
                message = "must be an article id such as a-3f2b9c4d1e0a7b6c5d4e3f2a") String articleId) {

    /** The largest post number a board engine plausibly reaches (ten digits). */
    public static final long LARGEST_NUMBER = 9_999_999_999L;

    /** A post without a category head. */
    public PostRequest(String board, Long number, String title, String author, String postedAt, String url, String body,
            Integer commentCount) {
        this(board, number, title, author, postedAt, url, body, commentCount, null, null, null);
    }

    /** A post that carries no article. */
    public PostRequest(String board, Long number, String title, String author, String postedAt, String url, String body,
            Integer commentCount, String category, String crawledAt) {
        this(board, number, title, author, postedAt, url, body, commentCount, category, crawledAt, null);
    }

    /** A post without a source time: accepted versions are ordered by arrival. */
    public PostRequest(String board, Long number, String title, String author, String postedAt, String url, String body,
            Integer commentCount, String category) {
        this(board, number, title, author, postedAt, url, body, commentCount, category, null, null);
    }

    /** This post, its body carrying the article {@code articleId}. */
    public PostRequest carrying(String articleId) {
        return new PostRequest(this.board, this.number, this.title, this.author, this.postedAt, this.url, this.body,
                this.commentCount, this.category, this.crawledAt, articleId);
    }
}
