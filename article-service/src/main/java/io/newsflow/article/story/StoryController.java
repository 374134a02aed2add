package io.newsflow.article.story;

import io.newsflow.projection.read.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "stories")
class StoryController {

    private final StoryQueries queries;

    StoryController(StoryQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/stories")
    @Operation(summary = "List and search stories",
            description = "A story is one piece of news and its reprints by other outlets, grouped by the likeness "
                    + "of their text. Newest first by when it was first printed; page on with nextCursor (null on "
                    + "the last page).",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = StoryApiDescription.PAGE))),
                    @ApiResponse(responseCode = "400", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = StoryApiDescription.INVALID_PARAMETER))) })
    StoryPage list(
            @Parameter(description = "words to find in the story's first article, in Korean or not (up to 200 "
                    + "characters)", example = "항만 확장") @RequestParam(required = false) String q,
            @Parameter(description = "only stories this outlet printed",
                    example = "한빛경제") @RequestParam(required = false) String outlet,
            @Parameter(description = "first printed at or after (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-07-01") @RequestParam(required = false) String from,
            @Parameter(description = "first printed at or before (ISO-8601 instant, or a date: its start in Seoul)",
                    example = "2024-08-01T00:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "only stories of at least this many articles (2: reprinted ones)") @RequestParam(
                    defaultValue = "1") int minArticles,
            @Parameter(description = "stories per page, 1 to 100") @RequestParam(
                    defaultValue = "" + StorySearch.DEFAULT_LIMIT) int limit,
            @Parameter(description = "the previous page's nextCursor") @RequestParam(required = false) String cursor) {
        QueryParameters.TimeRange range = QueryParameters.range(from, to);
        return this.queries.list(new StorySearch(QueryParameters.text("q", q), QueryParameters.text("outlet", outlet),
                range.from(), range.to(), minArticles, limit,
                cursor == null || cursor.isBlank() ? null : StoryCursor.decode(cursor)));
    }

    @GetMapping("/stories/{id}")
    @Operation(summary = "One story", description = "Its articles earliest first and the outlets that printed it.",
            responses = {
                    @ApiResponse(responseCode = "200",
                            content = @Content(mediaType = "application/json",
                                    examples = @ExampleObject(value = StoryApiDescription.STORY))),
                    @ApiResponse(responseCode = "404", content = @Content(mediaType = "application/problem+json",
                            examples = @ExampleObject(value = StoryApiDescription.NOT_FOUND))) })
    StoryView byId(@Parameter(description = "the story's id: its first article's",
            example = "a-3f2b9c4d1e0a7b6c5d4e3f2a") @PathVariable String id) {
        return this.queries.byId(id);
    }

}
