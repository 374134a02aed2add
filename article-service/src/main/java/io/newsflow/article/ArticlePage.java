package io.newsflow.article;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last
 * page
 */
record ArticlePage(List<ArticleSummary> items, String nextCursor) {
}
