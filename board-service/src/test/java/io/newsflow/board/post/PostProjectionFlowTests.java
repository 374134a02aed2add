package io.newsflow.board.post;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.newsflow.board.BoardApplication;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostPublished;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Post events on the real topic read back through the board API: a listing row and a full
 * post of the same {@code board:number} in both orders, and removals.
 */
@SpringBootTest(properties = "spring.config.name=" + BoardApplication.CONFIG_NAME)
@AutoConfigureMockMvc
@WithEmbeddedInfrastructure
class PostProjectionFlowTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String BOARD = "flow-test";

    private static final AtomicLong NUMBERS = new AtomicLong(100);

    private static final RawTopics TOPICS = RawTopics.shared();

    @Autowired
    private MockMvc mvc;

    @Test
    void newerListingRowUpdatesTheTitleButKeepsTheBodyOfTheFullPost() throws Exception {
        long number = NUMBERS.incrementAndGet();
        send(number, fullPost(number, 1, "원래 제목", "본문은 지워지면 안 된다."));
        send(number, listingRow(number, 2, "목록에서 고친 제목"));

        awaitTitle(number, "목록에서 고친 제목");
        this.mvc.perform(get(path(number)))
            .andExpect(jsonPath("$.body").value("본문은 지워지면 안 된다."))
            .andExpect(jsonPath("$.commentCount").value(4));
    }

    @Test
    void newerFullPostAddsItsBodyToTheListingRow() throws Exception {
        long number = NUMBERS.incrementAndGet();
        send(number, listingRow(number, 1, "목록 제목"));
        awaitTitle(number, "목록 제목");
        this.mvc.perform(get(path(number))).andExpect(jsonPath("$.body").doesNotExist());

        send(number, fullPost(number, 2, "본문과 함께 온 제목", "전체 글의 본문."));

        awaitTitle(number, "본문과 함께 온 제목");
        this.mvc.perform(get(path(number)))
            .andExpect(jsonPath("$.body").value("전체 글의 본문."))
            .andExpect(jsonPath("$.author").value("작성자"));
    }

    @Test
    void removedPostStaysRemovedWhenAStaleListingRowArrives() throws Exception {
        long number = NUMBERS.incrementAndGet();
        send(number, listingRow(number, 1, "지워질 글"));
        awaitTitle(number, "지워질 글");

        send(number, JSON
            .writeValueAsString(new PostRemoved(UUID.randomUUID().toString(), Instant.now(), 1, BOARD, number, 5)));
        send(number, listingRow(number, 3, "늦게 온 목록 행"));
        long marker = NUMBERS.incrementAndGet();
        send(marker, listingRow(marker, 1, "순서 확인용 글"));
        awaitTitle(marker, "순서 확인용 글");

        this.mvc.perform(get(path(number))).andExpect(status().isNotFound());
    }

    @Test
    void malformedBoardOrNumberIsABadRequest() throws Exception {
        this.mvc.perform(get(java.net.URI.create("/api/v1/boards/Not%20A%20Slug/posts/1")))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.errors[0].field").value("board"));
        this.mvc.perform(get("/api/v1/boards/" + BOARD + "/posts/abc")).andExpect(status().isBadRequest());
    }

    private void awaitTitle(long number, String title) {
        await().atMost(WITHIN)
            .untilAsserted(() -> this.mvc.perform(get(path(number)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value(title)));
    }

    private static String path(long number) {
        return "/api/v1/boards/" + BOARD + "/posts/" + number;
    }

    private static void send(long number, String json) {
        TOPICS.send(Topics.POSTS, BOARD + ":" + number, json);
    }

    private static String listingRow(long number, long revision, String title) {
        return JSON.writeValueAsString(new PostListed(UUID.randomUUID().toString(), Instant.now(), 1, BOARD, number,
                revision, "hash-of-" + title, title, "작성자", Instant.parse("2024-07-23T15:00:00Z"), 4, null));
    }

    private static String fullPost(long number, long revision, String title, String body) {
        return JSON.writeValueAsString(
                new PostPublished(UUID.randomUUID().toString(), Instant.now(), 1, BOARD, number, revision,
                        "hash-of-" + title + body, title, "작성자", Instant.parse("2024-07-23T15:00:00Z"), 4, null, body));
    }

}
