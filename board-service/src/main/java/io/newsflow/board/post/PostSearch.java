package io.newsflow.board.post;

import java.time.Instant;

import io.newsflow.contracts.PostKey;
import io.newsflow.service.web.InvalidFieldException;

/** A validated board listing request; {@code page} counts from 0. */
record PostSearch(String board, int page, int size, String q, String author, Instant from, Instant to) {

    static final int MAX_SIZE = 100;

    static final int DEFAULT_SIZE = 20;

    /** Pages past this would make the store skip too far; narrow the query instead. */
    static final int MAX_PAGE = 10_000;

    PostSearch {
        if (!PostKey.BOARD_SLUG.matcher(board).matches()) {
            throw new InvalidFieldException("board", "must be a board slug");
        }
        if (page < 0 || page > MAX_PAGE) {
            throw new InvalidFieldException("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_SIZE);
        }
    }
}
