package io.newsflow.ingest.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.newsflow.ingest.api.ApiExamples;
import io.newsflow.ingest.article.ArticleRequest;
import io.newsflow.ingest.post.PostRequest;
import io.newsflow.service.web.InvalidFieldException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
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

    BatchController(BatchIntake batches) {
        this.batches = batches;
    }

    /** Up to 1,000 articles; valid items are accepted even when others are rejected. */
    @Operation(summary = "Publish up to 1,000 articles",
            responses = @ApiResponse(responseCode = "202",
                    content = @Content(examples = @ExampleObject(value = ApiExamples.BATCH_RESULT))))
    @PostMapping(path = "/articles/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> articles(@RequestBody List<ArticleRequest> requests) {
        return accept(requests, request -> BatchItem.article(request, null));
    }

    /** Up to 1,000 posts; valid items are accepted even when others are rejected. */
    @Operation(summary = "Publish up to 1,000 board posts",
            responses = @ApiResponse(responseCode = "202",
                    content = @Content(examples = @ExampleObject(value = ApiExamples.BATCH_RESULT))))
    @PostMapping(path = "/posts/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> posts(@RequestBody List<PostRequest> requests) {
        return accept(requests, BatchItem::post);
    }

    private <R> ResponseEntity<BatchResult> accept(List<R> requests, Function<R, BatchItem> item) {
        if (requests == null || requests.isEmpty()) {
            throw new InvalidFieldException("items", "must hold at least one item");
        }
        if (requests.size() > BatchIntake.MAX_ITEMS) {
            throw new InvalidFieldException("items", "holds " + requests.size() + " items; at most "
                    + BatchIntake.MAX_ITEMS + " are accepted in one batch");
        }
        List<BatchItem> items = new ArrayList<>(requests.size());
        requests.forEach(request -> items.add(item.apply(request)));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(this.batches.accept(items));
    }

}
