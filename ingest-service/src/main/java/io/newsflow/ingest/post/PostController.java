package io.newsflow.ingest.post;

import java.util.List;

import io.newsflow.contracts.PostKey;
import io.newsflow.ingest.batch.BatchIntake;
import io.newsflow.ingest.batch.BatchResponses;
import io.newsflow.ingest.batch.BatchResult;
import io.newsflow.ingest.config.Accepted;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
class PostController {

    private final PostIntake intake;

    private final BatchIntake batches;

    PostController(PostIntake intake, BatchIntake batches) {
        this.intake = intake;
        this.batches = batches;
    }

    /** 202 once Kafka acknowledged the post event; the answer carries the key {@code board:number}. */
    @PostMapping(path = "/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted publish(@Valid @RequestBody PostRequest request) {
        return Accepted.post(this.intake.accept(request));
    }

    /** Up to 1,000 posts; valid items are accepted even when others are rejected. */
    @PostMapping(path = "/posts/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BatchResult> publishBatch(@RequestBody List<PostRequest> requests) {
        return BatchResponses.accept(this.batches, requests, this.intake::prepare);
    }

    /** 202 once Kafka acknowledged the removal; the read model deletes the post. */
    @DeleteMapping("/boards/{board}/posts/{number}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted remove(@PathVariable String board, @PathVariable long number) {
        this.intake.remove(board, number);
        return Accepted.post(new PostKey(board, number).toString());
    }
}
