package io.newsflow.board.post;

import java.util.List;

/** One page of a board listing with its position in the whole. */
record PostPage(List<PostSummary> items, int page, int size, long totalElements, int totalPages) {

    static PostPage of(List<PostSummary> items, PostSearch search, long total) {
        return new PostPage(items, search.page(), search.size(), total,
                (int) ((total + search.size() - 1) / search.size()));
    }
}
