package io.newsflow.ingest.publish;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import io.cloudevents.CloudEvent;
import io.cloudevents.SpecVersion;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.newsflow.contracts.ArticleRemoved;
import io.newsflow.contracts.PostBodyPublished;
import io.newsflow.contracts.Topics;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers of a record are the CloudEvents 1.0 Kafka binary mode: any CloudEvents
 * reader (here the SDK's own) reads the event's attributes from them.
 */
class CloudEventHeadersTests {

    private static final String EVENT_ID = "0b9f5e2a-4c3d-4e1f-9a8b-7c6d5e4f3a2b";

    @Test
    void aCloudEventsReaderReadsTheAttributesOfTheEvent() {
        Instant occurredAt = Instant.parse("2026-03-02T01:02:03.456789Z");
        PostBodyPublished body = new PostBodyPublished(EVENT_ID, occurredAt, 1, "free", 42, 7, "a".repeat(64),
                "본문입니다.");
        OutgoingEvent outgoing = new OutgoingEvent(Topics.POSTS, body.recordKey(), body);

        Headers headers = CloudEventHeaders.of(outgoing);
        CloudEvent read = KafkaMessageFactory.createReader(headers, "{}".getBytes(StandardCharsets.UTF_8)).toEvent();

        assertThat(read.getSpecVersion()).isEqualTo(SpecVersion.V1);
        assertThat(read.getId()).isEqualTo(EVENT_ID);
        assertThat(read.getSource()).isEqualTo(URI.create("/newsflow/ingest-service"));
        assertThat(read.getType()).isEqualTo("io.newsflow.PostBodyPublished.v1");
        assertThat(read.getSubject()).isEqualTo("free:42#body");
        assertThat(read.getTime()).isEqualTo(occurredAt.atOffset(ZoneOffset.UTC));
        assertThat(read.getDataContentType()).isEqualTo("application/json");
        assertThat(read.getDataSchema()).isEqualTo(URI.create("https://schemas.newsflow.io/v1/PostBodyPublished.json"));
    }

    @Test
    void theHeadersAreTheBindingsNames() {
        ArticleRemoved removed = new ArticleRemoved(EVENT_ID, Instant.EPOCH, 1, "a-0123456789abcdef01234567", 3);

        Headers headers = CloudEventHeaders.of(new OutgoingEvent(Topics.ARTICLES, removed.articleId(), removed));

        List<String> names = Arrays.stream(headers.toArray()).map(Header::key).toList();
        assertThat(names).contains("ce_specversion", "ce_id", "ce_source", "ce_type", "ce_time", "ce_subject",
                "ce_dataschema", "content-type");
        assertThat(new String(headers.lastHeader("ce_specversion").value(), StandardCharsets.UTF_8)).isEqualTo("1.0");
        assertThat(new String(headers.lastHeader("ce_subject").value(), StandardCharsets.UTF_8))
            .isEqualTo("a-0123456789abcdef01234567");
    }

}
