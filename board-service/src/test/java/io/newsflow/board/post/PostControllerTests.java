package io.newsflow.board.post;

import java.time.Instant;

import io.newsflow.contracts.PostKey;
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
 * The board API's controller alone (a web slice, the queries replaced): what it refuses
 * never becomes a query, and what it answers is shaped here. What the store holds is
 * {@link BoardReadApiTests}'s.
 */
@WebMvcTest(PostController.class)
@Import(ReadApiWebConfiguration.class)
@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        EdgeSecurityAutoConfiguration.class })
class PostControllerTests {

    @Autowired
    private MockMvc mvc;

    @MockitoBean
    private PostQueries queries;

    @ParameterizedTest
    @ValueSource(strings = { "page=-1", "size=0", "size=1000", "page=abc", "q[$ne]=x", "author=$where",
            "author={\"$gt\":\"\"}", "from=2024-07-02T00:00:00Z&to=2024-07-01T00:00:00Z", "from=+10000-01-01T00:00:00Z",
            "to=+999999999-12-31T23:59:59Z", "page=10001", "from=yesterday",
            "author=가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"
                    + "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"
                    + "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하"
                    + "가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하가나다라마바사아자차카타파하" })
    void badParametersAre400NamingTheFieldAndNeverBecomeAQuery(String query) throws Exception {
        this.mvc.perform(ReadApiRequests.get("/api/v1/boards/some-board/posts", query))
            .andExpect(ReadApiRequests.isInvalidFieldProblem());
        verifyNoInteractions(this.queries);
    }

    @Test
    void aBoardThatIsNoSlugIs400AndNeverBecomesAQuery() throws Exception {
        this.mvc.perform(get("/api/v1/boards/Not_A_Slug/posts/1"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("board"));
        verifyNoInteractions(this.queries);
    }

    @Test
    void aPostCarriesTheETagOfItsRevisionAndAMatchingOneAnswers304() throws Exception {
        given(this.queries.byKey(new PostKey("some-board", 7))).willReturn(new PostView("some-board", 7, "제목", "글쓴이",
                Instant.parse("2024-07-01T00:00:00Z"), 3, null, null, null, null, 42));

        this.mvc.perform(get("/api/v1/boards/some-board/posts/7"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.title").value("제목"));
        ReadApiRequests.assertConditionalGetAnswers304(this.mvc, "/api/v1/boards/some-board/posts/7");
    }

}
