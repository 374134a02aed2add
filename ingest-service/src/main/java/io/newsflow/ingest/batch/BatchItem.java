package io.newsflow.ingest.batch;

import java.time.Instant;

import io.newsflow.contracts.ArticlePublished.BoardPost;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.metrics.IngestMetrics;
import io.newsflow.ingest.post.PostRequest;

/**
 * One item of a batch or of a page: an article or a post, never told apart by its place
 * in the list.
 */
public sealed interface BatchItem permits BatchItem.ArticleItem, BatchItem.PostItem {

    /** What Bean Validation checks; null when the request held {@code null}. */
    Object request();

    /** The kind the ingest metrics count it as. */
    String kind();

    static BatchItem article(ArticleRequest request, Instant crawledAt) {
        return new ArticleItem(request, crawledAt, null);
    }

    /** An article read from the board post {@code post}, which the same batch holds. */
    static BatchItem article(ArticleRequest request, Instant crawledAt, BoardPost post) {
        return new ArticleItem(request, crawledAt, post);
    }

    static BatchItem post(PostRequest request) {
        return new PostItem(request, null);
    }

    /**
     * A post whose body carries the article at {@code articleIndex} of the same batch: it
     * is published with that article's id, when the article was accepted.
     */
    static BatchItem repost(PostRequest request, int articleIndex) {
        return new PostItem(request, articleIndex);
    }

    /**
     * @param crawledAt when the page holding it was fetched (time-only dates are days of
     * it); null for an article sent on its own
     * @param post the board post the article was read from, or {@code null}
     */
    record ArticleItem(ArticleRequest request, Instant crawledAt, BoardPost post) implements BatchItem {

        @Override
        public String kind() {
            return IngestMetrics.ARTICLE;
        }
    }

    /**
     * @param articleIndex the index of the article the post's body carries, or
     * {@code null}
     */
    record PostItem(PostRequest request, Integer articleIndex) implements BatchItem {

        @Override
        public String kind() {
            return IngestMetrics.POST;
        }
    }

}
