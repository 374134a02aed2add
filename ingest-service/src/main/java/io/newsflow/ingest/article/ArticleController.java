package io.newsflow.ingest.article;

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
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleIntake intake;

    ArticleController(ArticleIntake intake) {
        this.intake = intake;
    }

    /** 202 once Kafka acknowledged the article event; the answer carries the article id. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Accepted publish(@Valid @RequestBody ArticleRequest request) {
        return Accepted.article(this.intake.accept(request));
    }
}
