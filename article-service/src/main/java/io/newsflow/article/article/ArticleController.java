package io.newsflow.article.article;

import java.util.List;

import io.newsflow.projection.read.QueryParameters;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
@RequestMapping("/api/v1")
class ArticleController {

    private final ArticleQueries queries;

    ArticleController(ArticleQueries queries) {
        this.queries = queries;
    }

    /** Newest first; {@code q} is Korean-aware; page on with {@code nextCursor}. */
    @GetMapping("/articles")
    ArticlePage list(@RequestParam(required = false) String q, @RequestParam(required = false) String outlet,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "" + ArticleSearch.DEFAULT_LIMIT) int limit,
            @RequestParam(required = false) String cursor) {
        QueryParameters.TimeRange range = QueryParameters.range(from, to);
        return this.queries.list(new ArticleSearch(QueryParameters.text("q", q), QueryParameters.text("outlet", outlet),
                range.from(), range.to(), limit, cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor)));
    }

    /** The article with an ETag of its revision; {@code If-None-Match} with it answers 304. */
    @GetMapping("/articles/{id}")
    ResponseEntity<ArticleView> byId(@PathVariable String id, WebRequest request) {
        ArticleView article = this.queries.byId(id);
        String etag = "\"" + article.revision() + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok().eTag(etag).body(article);
    }

    @GetMapping("/outlets")
    List<ArticleQueries.OutletCount> outlets() {
        return this.queries.outlets();
    }
}
