package io.newsflow.board.post;

import java.util.List;

import io.newsflow.contracts.PostKey;
import io.newsflow.projection.read.QueryParameters;
import io.newsflow.projection.read.RevisionETag;
import io.newsflow.service.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1/boards")
@Tag(name = "boards")
class PostController {

    private final PostQueries queries;

    /** The most boards one answer lists; the rest are on the next page (Link). */
    static final int MAX_BOARDS = 500;

    PostController(PostQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Operation(summary = "Boards, with how many posts each holds and its newest",
            description = "By slug, at most 500 per page: X-Total-Count says how many there are and a Link "
                    + "header (rel=next) points to the next page. Computed over the whole collection and cached "
                    + "for up to newsflow.projection.summary-max-age (10 s).",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = PostApiDescription.BOARDS))))
    ResponseEntity<List<BoardSummary>> boards(
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "boards per page, 1 to " + MAX_BOARDS) @RequestParam(
                    defaultValue = "" + MAX_BOARDS) int size) {
        if (page < 0) {
            throw new InvalidFieldException("page", "must not be negative");
        }
        if (size < 1 || size > MAX_BOARDS) {
            throw new InvalidFieldException("size", "must be between 1 and " + MAX_BOARDS);
        }
        List<BoardSummary> boards = this.queries.boards();
        int from = (int) Math.min((long) page * size, boards.size());
        int to = Math.min(from + size, boards.size());
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().header("X-Total-Count", String.valueOf(boards.size()));
        if (to < boards.size()) {
            // RFC 8288: the next page, relative to this one
            answer.header(HttpHeaders.LINK, "</api/v1/boards?page=" + (page + 1) + "&size=" + size + ">; rel=\"next\"");
        }
        return answer.body(boards.subList(from, to));
    }

    /** Newest number first; {@code q} is Korean-aware on titles, {@code author} exact. */
    @GetMapping("/{board}/posts")
    @Operation(summary = "A board's posts, newest number first",
            description = "Filtered by title words " + "(Korean-aware), author and posting time; paged by number.",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = PostApiDescription.PAGE))),
                    @ApiResponse(responseCode = "400",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = PostApiDescription.INVALID_PARAMETER))),
                    @ApiResponse(responseCode = "404", description = "the board has no posts",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = PostApiDescription.NO_BOARD))) })
    PostPage posts(@Parameter(description = "the board's slug", example = "rank-news") @PathVariable String board,
            @Parameter(description = "page number, from 0") @RequestParam(defaultValue = "0") int page,
            @Parameter(description = "posts per page, 1 to 100") @RequestParam(
                    defaultValue = "" + PostSearch.DEFAULT_SIZE) int size,
            @Parameter(description = "words of the title, in Korean or not",
                    example = "폭염") @RequestParam(required = false) String q,
            @Parameter(description = "exactly this author",
                    example = "날씨봇") @RequestParam(required = false) String author,
            @Parameter(description = "posted at or after (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-07-01") @RequestParam(required = false) String from,
            @Parameter(description = "posted at or before (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-08-01") @RequestParam(required = false) String to) {
        QueryParameters.TimeRange range = QueryParameters.range(from, to);
        return this.queries.list(new PostSearch(board, page, size, QueryParameters.text("q", q),
                QueryParameters.text("author", author), range.from(), range.to()));
    }

    /**
     * The post with an ETag of its revision; {@code If-None-Match} with it answers 304.
     */
    @GetMapping("/{board}/posts/{number}")
    @Operation(summary = "One post",
            description = "With its body when one was sent (null for a post only seen in "
                    + "listings), and an ETag of its revision; If-None-Match with it answers 304.",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = PostApiDescription.POST))),
                    @ApiResponse(responseCode = "304", description = "unchanged since the ETag given"),
                    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = PostApiDescription.NO_POST))) })
    ResponseEntity<PostView> byNumber(
            @Parameter(description = "the board's slug", example = "rank-news") @PathVariable String board,
            @Parameter(description = "the post's number on its board", example = "4812") @PathVariable long number,
            WebRequest request) {
        PostView post = this.queries.byKey(key(board, number));
        return RevisionETag.answer(post, post.revision(), request);
    }

    private static PostKey key(String board, long number) {
        try {
            return new PostKey(board, number);
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidFieldException("board", "must be a board slug and number a positive post number");
        }
    }

}
