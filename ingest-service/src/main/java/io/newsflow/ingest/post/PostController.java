package io.newsflow.ingest.post;

import io.newsflow.contracts.PostKey;
import io.newsflow.ingest.api.Accepted;
import io.newsflow.ingest.api.ApiExamples;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    PostController(PostIntake intake) {
        this.intake = intake;
    }

    /**
     * 202 once Kafka acknowledged the post event; the answer carries the key
     * {@code board:number}.
     */
    @Operation(summary = "Publish a board post (a listing row without body, a full post with one)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.POST))),
            responses = {
                    @ApiResponse(responseCode = "202",
                            content = @Content(examples = @ExampleObject(value = ApiExamples.POST_ACCEPTED))),
                    @ApiResponse(responseCode = "400",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = ApiExamples.PROBLEM))) })
    @PostMapping(path = "/posts", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted publish(@Valid @RequestBody PostRequest request) {
        return Accepted.post(this.intake.accept(request));
    }

    /** 202 once Kafka acknowledged the removal; the read model deletes the post. */
    @DeleteMapping("/boards/{board}/posts/{number}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted remove(@PathVariable String board, @PathVariable long number) {
        this.intake.remove(board, number);
        return Accepted.post(new PostKey(board, number).toString());
    }

}
