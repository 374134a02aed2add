package io.newsflow.article.story;

import java.util.List;

/**
 * One page of stories.
 *
 * @param nextCursor pass as {@code cursor} to get the next page; {@code null} on the last
 * page
 */
record StoryPage(List<StorySummary> items, String nextCursor) {
}
