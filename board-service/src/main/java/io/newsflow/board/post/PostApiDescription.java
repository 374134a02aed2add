package io.newsflow.board.post;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the board read API, served at {@code /v3/api-docs} with
 * Swagger UI at {@code /swagger-ui.html}, and the examples its operations show.
 */
@Configuration(proxyBeanMethods = false)
class PostApiDescription {

    static final String BOARDS = """
            [{"slug": "rank-news", "posts": 29264, "newestNumber": 29264, "latestPostAt": "2024-07-24T05:32:00Z"},
             {"slug": "free", "posts": 812, "newestNumber": 1290, "latestPostAt": "2024-07-24T04:10:00Z"}]""";

    static final String PAGE = """
            {"items": [{"board": "rank-news", "number": 4812, "title": "장마 끝나자 찜통더위…주말까지 이어진다",
              "author": "날씨봇", "postedAt": "2024-07-23T15:00:00Z", "commentCount": 12,
              "url": "https://board.example.kr/rank-news/4812", "category": "날씨", "hasBody": true}],
             "page": 0, "size": 20, "totalElements": 1, "totalPages": 1}""";

    static final String POST = """
            {"board": "rank-news", "number": 4812, "title": "장마 끝나자 찜통더위…주말까지 이어진다", "author": "날씨봇",
             "postedAt": "2024-07-23T15:00:00Z", "commentCount": 12, "url": "https://board.example.kr/rank-news/4812",
             "category": "날씨", "body": "장마가 끝나자마자 전국에 폭염 특보가 내려졌다.",
             "articleId": "a-06e9c8bc4a67f8c10619b341", "revision": 1721799130000000}""";

    static final String INVALID_PARAMETER = """
            {"title": "Invalid request", "status": 400, "detail": "size must be between 1 and 100",
             "instance": "/api/v1/boards/rank-news/posts",
             "errors": [{"field": "size", "message": "must be between 1 and 100"}]}""";

    static final String NO_BOARD = """
            {"title": "Not Found", "status": 404, "detail": "No board no-such-board",
             "instance": "/api/v1/boards/no-such-board/posts"}""";

    static final String NO_POST = """
            {"title": "Not Found", "status": 404, "detail": "No post 99 on board rank-news",
             "instance": "/api/v1/boards/rank-news/posts/99"}""";

    @Bean
    OpenAPI boardApi() {
        // relative: an absolute URL would echo whatever Host header a caller sent
        return new OpenAPI().servers(List.of(new Server().url("/").description("this service")))
            .info(new Info().title("newsflow board API")
                .version("v1")
                .description("Boards and their posts as crawlers listed them: listings by post number (newest "
                        + "first), Korean-aware title search, and full posts with their body where one was sent. "
                        + "Reads need no key. Errors are RFC 9457 problem details."));
    }

}
