package io.newsflow.ingest.page;

import java.util.List;

import io.newsflow.ingest.batch.BatchResult;

/**
 * What a scraped page yielded, for the crawler's log.
 *
 * @param layout how the page was read: {@code text} (the text rules) or the board engine
 * whose markup was recognised ({@code gnuboard}, {@code xpressengine}, {@code gallery})
 * @param articleId the id of the page's article, or {@code null} when it carried none (or
 * it was rejected)
 * @param posts keys of the accepted listing rows, in page order
 * @param notices notice rows ({@code 공지}) that were skipped
 * @param skippedLines lines after the listing header that were not rows
 * @param items every extracted item with its status: the article first, when there is one
 */
public record PageResult(String board, String url, String layout, String articleId, List<String> posts, int notices,
        int skippedLines, List<BatchResult.Item> items) {
}
