package io.newsflow.board.post;

import java.util.List;

import io.newsflow.contracts.PostKey;
import io.newsflow.projection.read.InvalidParameterException;
import io.newsflow.projection.read.QueryParameters;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/boards")
class PostController {

    private final PostQueries queries;

    PostController(PostQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    List<BoardSummary> boards() {
        return this.queries.boards();
    }

    /** Newest number first; {@code q} is Korean-aware on titles, {@code author} exact. */
    @GetMapping("/{board}/posts")
    PostPage posts(@PathVariable String board, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PostSearch.DEFAULT_SIZE) int size,
            @RequestParam(required = false) String q, @RequestParam(required = false) String author,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        QueryParameters.TimeRange range = QueryParameters.range(from, to);
        return this.queries.list(new PostSearch(board, page, size, QueryParameters.text("q", q),
                QueryParameters.text("author", author), range.from(), range.to()));
    }

    /** The post with an ETag of its revision; {@code If-None-Match} with it answers 304. */
    @GetMapping("/{board}/posts/{number}")
    ResponseEntity<PostView> byNumber(@PathVariable String board, @PathVariable long number, WebRequest request) {
        PostView post = this.queries.byKey(key(board, number));
        String etag = "\"" + post.revision() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(post);
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
