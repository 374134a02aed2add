package io.newsflow.article;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the article read API, served at {@code /v3/api-docs} with
 * Swagger UI at {@code /swagger-ui.html}, and the examples its operations show.
 */
@Configuration(proxyBeanMethods = false)
class ArticleApiDescription {

    static final String PAGE = """
            {"items": [{"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a",
              "url": "https://news.example.kr/economy/2024/07/24/port", "title": "남해안 항만 확장 사업 첫 삽",
              "subtitles": ["“물류 거점으로 키운다”"], "outlet": "한빛경제", "author": "김하늘",
              "publishedAt": "2024-07-24T05:32:00Z", "section": "경제", "tags": ["항만"],
              "story": {"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "size": 3, "outlets": ["바다일보", "한빛경제", "한빛통신"]}}],
             "nextCursor": "MTcyMTc5OTEzMDAwMDAwMHxhLTNmMmI5YzRkMWUwYTdiNmM1ZDRlM2YyYQ"}""";

    static final String ARTICLE = """
            {"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "url": "https://news.example.kr/economy/2024/07/24/port",
             "title": "남해안 항만 확장 사업 첫 삽", "subtitles": ["“물류 거점으로 키운다”"],
             "paragraphs": ["남해안의 한 항만에서 확장 공사 착공식이 열렸다.", "관계자는 “물류의 숨통이 트일 것”이라고 말했다."],
             "captions": [{"text": "착공식에서 참석자들이 첫 삽을 뜨고 있다.", "credit": "연합"}],
             "outlet": "한빛경제", "author": "김하늘", "publishedAt": "2024-07-24T05:32:00Z", "section": "경제",
             "tags": ["항만"], "language": "ko", "post": null, "revision": 1721799130000000,
             "story": {"id": "a-3f2b9c4d1e0a7b6c5d4e3f2a", "size": 3, "outlets": ["바다일보", "한빛경제", "한빛통신"]}}""";

    static final String OUTLETS = """
            [{"outlet": "한빛경제", "articles": 1824}, {"outlet": "바다일보", "articles": 311}]""";

    static final String INVALID_PARAMETER = """
            {"title": "Invalid request", "status": 400,
             "detail": "limit must be between 1 and 100", "instance": "/api/v1/articles",
             "errors": [{"field": "limit", "message": "must be between 1 and 100"}]}""";

    static final String NOT_FOUND = """
            {"title": "Not Found", "status": 404,
             "detail": "No article with id a-000000000000000000000000", "instance": "/api/v1/articles/a-000000000000000000000000"}""";

    static final String QUERY_TIME_LIMIT = """
            {"title": "Query time limit reached", "status": 503,
             "detail": "The query took longer than the read API allows; narrow it (a board, an outlet, a time range) or retry later"}""";

    @Bean
    OpenAPI articleApi() {
        // relative: an absolute URL would echo whatever Host header a caller sent
        return new OpenAPI().servers(List.of(new Server().url("/").description("this service")))
            .info(new Info().title("newsflow article API")
                .version("v1")
                .description("Articles as ingest accepted them, newest first, with Korean-aware search (morphemes "
                        + "by Lucene's Nori analyzer: particles and endings do not matter, compounds match whole and "
                        + "split), grouped into stories: one piece of news and its reprints by other outlets. Reads need no key. Errors are RFC 9457 problem details."));
    }

}
