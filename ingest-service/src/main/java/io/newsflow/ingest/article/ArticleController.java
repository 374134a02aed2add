package io.newsflow.ingest.article;

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
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleIntake intake;

    ArticleController(ArticleIntake intake) {
        this.intake = intake;
    }

    /**
     * 202 once Kafka acknowledged the article event; the answer carries the article id.
     */
    @Operation(summary = "Publish an article", requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
            content = @Content(mediaType = "application/json", examples = @ExampleObject(value = ApiExamples.ARTICLE))),
            responses = {
                    @ApiResponse(responseCode = "202",
                            content = @Content(examples = @ExampleObject(value = ApiExamples.ARTICLE_ACCEPTED))),
                    @ApiResponse(responseCode = "400",
                            content = @Content(mediaType = "application/problem+json",
                                    examples = @ExampleObject(value = ApiExamples.PROBLEM))) })
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted publish(@Valid @RequestBody ArticleRequest request) {
        return Accepted.article(this.intake.accept(request));
    }

    /** 202 once Kafka acknowledged the removal; the read model deletes the article. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted remove(@PathVariable String id) {
        this.intake.remove(id);
        return Accepted.article(id);
    }

}
