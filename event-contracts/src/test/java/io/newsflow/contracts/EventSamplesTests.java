package io.newsflow.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The saved samples are the contract: each one reads into its record and writes back to
 * the same JSON, so a change to a record that would break a consumer fails here.
 */
class EventSamplesTests {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({ "article-published.json, io.newsflow.contracts.ArticleEvent, io.newsflow.contracts.ArticlePublished",
            "article-removed.json, io.newsflow.contracts.ArticleEvent, io.newsflow.contracts.ArticleRemoved",
            "post-listed.json, io.newsflow.contracts.PostEvent, io.newsflow.contracts.PostListed",
            "post-published.json, io.newsflow.contracts.PostEvent, io.newsflow.contracts.PostPublished",
            "post-removed.json, io.newsflow.contracts.PostEvent, io.newsflow.contracts.PostRemoved",
            "post-body-published.json, io.newsflow.contracts.PostEvent, io.newsflow.contracts.PostBodyPublished",
            "post-body-removed.json, io.newsflow.contracts.PostEvent, io.newsflow.contracts.PostBodyRemoved" })
    void sampleRoundTripsThroughItsRecord(String sample, Class<?> base, Class<?> expected) throws IOException {
        JsonNode saved = read(sample);

        Object event = this.mapper.treeToValue(saved, base);

        assertThat(event).isInstanceOf(expected);
        assertThat(this.mapper.readTree(this.mapper.writeValueAsString(event))).isEqualTo(saved);
    }

    @ParameterizedTest
    @CsvSource({ "article-published.json", "article-removed.json", "post-listed.json", "post-published.json",
            "post-removed.json", "post-body-published.json", "post-body-removed.json" })
    void wireFormatCarriesNoJavaTypeNamesAndIsoInstants(String sample) throws IOException {
        JsonNode saved = read(sample);

        assertThat(saved.toString()).doesNotContain("io.newsflow");
        // ISO-8601 in UTC, as written by Instant: parsing it back gives the same text
        String occurredAt = saved.get("occurredAt").asString();
        assertThat(Instant.parse(occurredAt)).hasToString(occurredAt);
        assertThat(saved.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(saved.get("eventId").asString()).hasSize(36);
    }

    @ParameterizedTest
    @CsvSource({ "article-published.json", "post-listed.json" })
    void unknownFieldsAddedByANewerProducerAreIgnored(String sample) throws IOException {
        JsonNode saved = read(sample);
        ((ObjectNode) saved).put("addedLater", "ignored by v1 readers");

        Class<?> base = sample.startsWith("article") ? ArticleEvent.class : PostEvent.class;
        Object event = this.mapper.treeToValue(saved, base);

        JsonNode written = this.mapper.valueToTree(event);
        assertThat(written.has("addedLater")).isFalse();
        assertThat(written.get("eventId")).isEqualTo(saved.get("eventId"));
    }

    @Test
    void postEventsAreKeyedByBoardAndNumberAndABodyByAKeyOfItsOwn() throws IOException {
        PostEvent listed = this.mapper.treeToValue(read("post-listed.json"), PostEvent.class);
        PostEvent body = this.mapper.treeToValue(read("post-body-published.json"), PostEvent.class);
        PostEvent bodyRemoved = this.mapper.treeToValue(read("post-body-removed.json"), PostEvent.class);

        assertThat(listed.recordKey()).isEqualTo(listed.postKey()).isEqualTo("rank-news:4812");
        assertThat(body.postKey()).isEqualTo("rank-news:4812");
        assertThat(body.recordKey()).isEqualTo("rank-news:4812#body").isEqualTo(bodyRemoved.recordKey());
        assertThat(PostKey.parse("rank-news:4812")).isEqualTo(new PostKey("rank-news", 4812));
        assertThat(this.mapper.valueToTree(body).has("recordKey")).isFalse();
    }

    private JsonNode read(String sample) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/samples/" + sample)) {
            assertThat(in).as(sample).isNotNull();
            return this.mapper.readTree(in);
        }
    }

}
