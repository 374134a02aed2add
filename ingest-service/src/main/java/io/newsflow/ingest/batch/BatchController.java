package io.newsflow.ingest.batch;

import java.util.List;

import io.newsflow.ingest.api.ApiExamples;
import io.newsflow.ingest.article.ArticleIntake;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.post.PostIntake;
import io.newsflow.ingest.post.PostRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Batches of articles and of posts: each item is accepted or rejected on its own. */
@RestController
@RequestMapping("/api/v1")
class BatchController {

    private final BatchIntake batches;

    private final ArticleIntake articles;

    private final PostIntake posts;

    BatchController(BatchIntake batches, ArticleIntake articles, PostIntake posts) {
        this.batches = batches;
        this.articles = articles;
        this.posts = posts;
    }

    /** Up to 1,000 articles; valid items are accepted even when others are rejected. */
    @Operation(summary = "Publish up to 1,000 articles",
            responses = @ApiResponse(responseCode = "202",
                    content = @Content(examples = @ExampleObject(value = ApiExamples.BATCH_RESULT))))
    @PostMapping(path = "/articles/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> articles(@RequestBody List<ArticleRequest> requests) {
        return BatchResponses.accept(this.batches, requests, this.articles::prepare);
    }

    /** Up to 1,000 posts; valid items are accepted even when others are rejected. */
    @Operation(summary = "Publish up to 1,000 board posts",
            responses = @ApiResponse(responseCode = "202",
                    content = @Content(examples = @ExampleObject(value = ApiExamples.BATCH_RESULT))))
    @PostMapping(path = "/posts/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> posts(@RequestBody List<PostRequest> requests) {
        return BatchResponses.accept(this.batches, requests, this.posts::prepare);
    }

}
