package io.newsflow.article;

import java.time.Instant;
import java.util.List;

import io.newsflow.article.story.StoryOfArticle;
import io.newsflow.projection.read.ReadApiWebConfiguration;
import io.newsflow.service.security.EdgeSecurityAutoConfiguration;
import io.newsflow.testsupport.ReadApiRequests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The article API's controller alone (a web slice, the queries replaced): what it refuses
 * never becomes a query, and what it answers is shaped here. What the store holds is
 * {@link ArticleReadApiTests}'s.
 */
@WebMvcTest(ArticleController.class)
@Import(ReadApiWebConfiguration.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        EdgeSecurityAutoConfiguration.class })
class ArticleControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private ArticleQueries queries;

    @ParameterizedTest
    @ValueSource(strings = { "limit=0", "limit=101", "limit=abc", "cursor=bm90LWEtY3Vyc29y", "cursor=%%%",
            "from=2024-07-02T00:00:00Z&to=2024-07-01T00:00:00Z", "from=yesterday", "q[$ne]=x", "outlet={\"$gt\":\"\"}",
            "q=$where", "outlet.$gt=a", "q=a&q=b", "from=+10000-01-01T00:00:00Z", "to=+999999999-12-31T23:59:59Z",
            "from=-0001-01-01T00:00:00Z",
            "outlet=" + "가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가"
                    + "가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가"
                    + "가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가"
                    + "가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가가" })
    void badParametersAre400NamingTheFieldAndNeverBecomeAQuery(String query) throws Exception {
        this.mvc.perform(ReadApiRequests.get("/api/v1/articles", query))
            .andExpect(ReadApiRequests.isInvalidFieldProblem());
        verifyNoInteractions(this.queries);
    }

    @Test
    void anArticleCarriesTheETagOfItsRevisionAndAMatchingOneAnswers304() throws Exception {
        given(this.queries.byId("a-1"))
            .willReturn(new ArticleView("a-1", "https://news.example/1", "제목", List.of(), List.of("본문"), List.of(),
                    "예시일보", null, Instant.parse("2024-07-01T00:00:00Z"), null, List.of(), "ko", null, 42, null));

        this.mvc.perform(get("/api/v1/articles/a-1"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("제목"));
        ReadApiRequests.assertConditionalGetAnswers304(this.mvc, "/api/v1/articles/a-1");
    }

    /**
     * A reprint joining the story changes the answer, so a cached copy must not be 304'd.
     */
    @Test
    void anArticlesETagChangesWithItsStoryAtTheSameRevision() throws Exception {
        given(this.queries.byId("a-1")).willReturn(article(new StoryOfArticle("a-1", 1, List.of("예시일보"))),
                article(new StoryOfArticle("a-1", 2, List.of("예시일보", "다른일보"))));

        String first = this.mvc.perform(get("/api/v1/articles/a-1")).andReturn().getResponse().getHeader("ETag");
        this.mvc.perform(get("/api/v1/articles/a-1").header("If-None-Match", first))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.story.size").value(2))
            .andExpect(jsonPath("$.story.outlets[1]").value("다른일보"));
    }

    private static ArticleView article(StoryOfArticle story) {
        return new ArticleView("a-1", "https://news.example/1", "제목", List.of(), List.of("본문"), List.of(), "예시일보", null,
                Instant.parse("2024-07-01T00:00:00Z"), null, List.of(), "ko", null, 42, story);
    }

}
