package io.newsflow.ingest.page;

import java.util.List;

import io.newsflow.ingest.batch.BatchResult;

/**
 * What a scraped page (or feed) yielded, for the crawler's log.
 *
 * @param layout how the page was read: {@code text} (the text rules), the board engine or
 * site whose markup was recognised ({@code gnuboard}, {@code gnuboard4},
 * {@code xpressengine}, {@code zeroboard}, {@code gallery}, {@code news}), or the feed's
 * format ({@code rss}, {@code atom})
 * @param articleId the id of the page's article (a feed's first), or {@code null} when it
 * carried none (or it was rejected)
 * @param articles the ids of every accepted article, in order: one for a page, one per
 * entry for a news feed
 * @param posts keys of the accepted listing rows (or a board feed's entries), in order
 * @param post the key of the post the page shows, published with the article as its body
 * and linked to it (a repost), when the page says which post it shows ({@code number}, or
 * the listing's marked row) and it was accepted; {@code null} otherwise
 * @param notices notice rows ({@code 공지}) that were skipped
 * @param skippedLines lines after the listing header that were not rows
 * @param items every extracted item with its status: the article first, when there is one
 */
public record PageResult(String board, String url, String layout, String articleId, List<String> articles,
        List<String> posts, String post, int notices, int skippedLines, List<BatchResult.Item> items) {
}
