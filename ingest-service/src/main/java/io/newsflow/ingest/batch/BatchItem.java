package io.newsflow.ingest.batch;

import java.time.Instant;

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
        return new ArticleItem(request, crawledAt);
    }

    static BatchItem post(PostRequest request) {
        return new PostItem(request);
    }

    /**
     * @param crawledAt when the page holding it was fetched (time-only dates are days of
     * it); null for an article sent on its own
     */
    record ArticleItem(ArticleRequest request, Instant crawledAt) implements BatchItem {

        @Override
        public String kind() {
            return IngestMetrics.ARTICLE;
        }
    }

    record PostItem(PostRequest request) implements BatchItem {

        @Override
        public String kind() {
            return IngestMetrics.POST;
        }
    }

}
