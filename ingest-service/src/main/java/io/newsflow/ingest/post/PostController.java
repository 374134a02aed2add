package io.newsflow.ingest.post;

import io.newsflow.ingest.config.Accepted;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/posts")
class PostController {

    private final PostIntake intake;

    PostController(PostIntake intake) {
        this.intake = intake;
    }

    /** 202 once Kafka acknowledged the post event; the answer carries the key {@code board:number}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted publish(@Valid @RequestBody PostRequest request) {
        return Accepted.post(this.intake.accept(request));
    }
}
