package io.newsflow.article.article;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/articles")
class ArticleController {

    private final ArticleQueries queries;

    ArticleController(ArticleQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/{id}")
    ArticleView byId(@PathVariable String id) {
        return this.queries.byId(id);
    }
}
