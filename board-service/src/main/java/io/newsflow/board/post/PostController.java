package io.newsflow.board.post;

import io.newsflow.contracts.PostKey;
import io.newsflow.projection.InvalidParameterException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/boards")
class PostController {

    private final PostQueries queries;

    PostController(PostQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{board}/posts/{number}")
    PostView byNumber(@PathVariable String board, @PathVariable long number) {
        return this.queries.byKey(key(board, number));
    }

    private static PostKey key(String board, long number) {
        try {
            return new PostKey(board, number);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidParameterException("board", "must be a board slug and number a positive post number");
        }
    }
}
