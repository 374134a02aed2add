package io.newsflow.article;

import java.util.List;

import io.newsflow.projection.read.QueryParameters;
import io.newsflow.projection.read.RevisionETag;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "articles")
class ArticleController {

    private final ArticleQueries queries;

    ArticleController(ArticleQueries queries) {
        this.queries = queries;
    }

    /** Newest first; {@code q} is Korean-aware; page on with {@code nextCursor}. */
    @GetMapping("/articles")
    @Operation(summary = "List and search articles", description = "Newest first. With q, articles whose title or "
            + "sub-headlines match come first, then those matching in the body; page on with the answer's nextCursor "
            + "(null on the last page).",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = ArticleApiDescription.PAGE))),
                    @ApiResponse(responseCode = "400",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = ArticleApiDescription.INVALID_PARAMETER))),
                    @ApiResponse(responseCode = "503",
                            description = "the query needed longer than the store may " + "work on one (Retry-After)",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = ArticleApiDescription.QUERY_TIME_LIMIT))) })
    ArticlePage list(
            @Parameter(description = "words to find, in Korean or not (up to 200 characters)",
                    example = "항만 확장") @RequestParam(required = false) String q,
            @Parameter(description = "only this outlet",
                    example = "한빛경제") @RequestParam(required = false) String outlet,
            @Parameter(description = "published at or after (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-07-01") @RequestParam(required = false) String from,
            @Parameter(description = "published at or before (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-08-01T00:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "articles per page, 1 to 100") @RequestParam(
                    defaultValue = "" + ArticleSearch.DEFAULT_LIMIT) int limit,
            @Parameter(description = "the previous page's nextCursor") @RequestParam(required = false) String cursor) {
        QueryParameters.TimeRange range = QueryParameters.range(from, to);
        return this.queries.list(new ArticleSearch(QueryParameters.text("q", q), QueryParameters.text("outlet", outlet),
                range.from(), range.to(), limit, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor)));
    }

    /**
     * The article with an ETag of its revision; {@code If-None-Match} with it answers
     * 304.
     */
    @GetMapping("/articles/{id}")
    @Operation(summary = "One article",
            description = "With an ETag of its revision; If-None-Match with it answers " + "304.",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = ArticleApiDescription.ARTICLE))),
                    @ApiResponse(responseCode = "304", description = "unchanged since the ETag given"),
                    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = ArticleApiDescription.NOT_FOUND))) })
    ResponseEntity<ArticleView> byId(@Parameter(description = "the article's id",
            example = "a-3f2b9c4d1e0a7b6c5d4e3f2a") @PathVariable String id, WebRequest request) {
        ArticleView article = this.queries.byId(id);
        return RevisionETag.answer(article, article.version(), request);
    }

    @GetMapping("/outlets")
    @Operation(summary = "Outlets and how many articles each has",
            description = "Computed over the whole "
                    + "collection and cached for up to newsflow.projection.summary-max-age (10 s).",
            responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
                    examples = @ExampleObject(value = ArticleApiDescription.OUTLETS))))
    List<ArticleQueries.OutletCount> outlets() {
        return this.queries.outlets();
    }

}
