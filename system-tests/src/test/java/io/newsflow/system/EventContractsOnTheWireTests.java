package io.newsflow.system;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.newsflow.contracts.CloudEventAttributes;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.Topics;
import io.newsflow.contracts.schema.EventSchemas;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.RawTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the services really put on the topics keeps the published contract: every record
 * ingest wrote (in this test and in every system test before it on the JVM's broker)
 * validates against the JSON Schema of its type and carries the CloudEvents headers that
 * match its payload; consumers still read a record without them; a dead letter keeps
 * them; the AsyncAPI document describes the topics as the broker holds them, and every
 * service serves it.
 */
class EventContractsOnTheWireTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final EventSchemas SCHEMAS = EventSchemas.v1();

    private final NewsflowSystem system = NewsflowSystem.on(EmbeddedInfrastructure.shared());

    @Test
    void everyRecordIngestWroteValidatesAndCarriesCloudEventsHeadersThatMatchIt() {
        String board = "contract-" + UUID.randomUUID().toString().substring(0, 8);
        String article = accepted(this.system.postJson("/api/v1/articles", """
                {"url": "https://news.example.kr/contract/%s", "title": "계약을 지키는 기사",
                 "subtitles": ["부제 하나"], "paragraphs": ["첫 문단입니다.", "둘째 문단입니다."],
                 "captions": [{"text": "사진 설명입니다.", "credit": "한결"}], "outlet": "한결일보",
                 "author": "김기자", "publishedAt": "2026-03-02T10:00:00+09:00", "tags": ["계약"]}
                """.formatted(board)));
        accepted(this.system.postJson("/api/v1/posts", """
                {"board": "%s", "number": 7, "title": "본문 있는 글", "author": "글쓴이",
                 "postedAt": "2026-03-02", "commentCount": 3, "body": "본문 첫 줄.\\n\\n본문 둘째 줄."}
                """.formatted(board)));
        accepted(this.system.postJson("/api/v1/posts", """
                {"board": "%s", "number": 8, "title": "목록에만 있는 글"}
                """.formatted(board)));
        assertThat(this.system.delete("/api/v1/boards/" + board + "/posts/7").statusCode()).isEqualTo(202);
        assertThat(this.system.delete("/api/v1/articles/" + article).statusCode()).isEqualTo(202);

        List<ConsumerRecord<String, String>> written = new ArrayList<>();
        RawTopics topics = RawTopics.shared();
        written.addAll(topics.records(Topics.ARTICLES));
        written.addAll(topics.records(Topics.POSTS));
        Map<String, Integer> mineByType = new HashMap<>();
        int checked = 0;
        for (ConsumerRecord<String, String> record : written) {
            if (header(record, "ce_source") == null) {
                continue; // a raw record a test wrote as an outside producer would
            }
            JsonNode event = JSON.readTree(record.value());
            String type = event.get("type").asString();
            assertThat(SCHEMAS.problems(event)).as("%s %s", type, record.value()).isEmpty();
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "ce_source")).isEqualTo("/newsflow/ingest-service");
            assertThat(header(record, "ce_id")).isEqualTo(event.get("eventId").asString());
            assertThat(header(record, "ce_type")).isEqualTo(CloudEventAttributes.type(type));
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(Instant.parse(header(record, "ce_time")))
                .isEqualTo(Instant.parse(event.get("occurredAt").asString()));
            assertThat(header(record, "ce_dataschema")).isEqualTo(CloudEventAttributes.dataSchema(type).toString());
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            checked++;
            if (record.key().startsWith(board + ":") || record.key().equals(article)) {
                mineByType.merge(type, 1, Integer::sum);
            }
        }

        assertThat(checked).isGreaterThanOrEqualTo(7);
        assertThat(mineByType).containsOnlyKeys("ArticlePublished", "ArticleRemoved", "PostListed", "PostBodyPublished",
                "PostRemoved", "PostBodyRemoved");
    }

    @Test
    void aRecordWithoutCloudEventsHeadersIsStillStored() {
        String board = "no-headers-" + UUID.randomUUID().toString().substring(0, 8);
        PostListed listed = new PostListed(UUID.randomUUID().toString(), Instant.now(), 1, board, 1, 1, "b".repeat(64),
                "헤더 없는 옛 기록", null, null, null, null);

        RawTopics.shared().send(Topics.POSTS, board + ":1", JSON.writeValueAsString(listed));

        await().atMost(Duration.ofSeconds(30))
            .until(() -> this.system.getBoards("/api/v1/boards/" + board + "/posts/1").statusCode() == 200);
    }

    @Test
    void aDeadLetterKeepsTheCloudEventsHeadersOfItsRecord() {
        String key = "poison-ce-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        String id = UUID.randomUUID().toString();
        List<Header> headers = List.of(utf8("ce_specversion", "1.0"), utf8("ce_id", id),
                utf8("ce_source", "/newsflow/ingest-service"), utf8("ce_type", "io.newsflow.PostListed.v1"),
                utf8("ce_subject", key), utf8("content-type", "application/json"));

        RawTopics.shared().send(Topics.POSTS, key, "{\"type\":\"PostListed\",\"board\":7", headers);

        try (KafkaConsumer<String, String> deadLetters = RawTopics.shared().reader(Topics.deadLetter(Topics.POSTS))) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                RawTopics.poll(deadLetters, Duration.ofMillis(500))
                    .stream()
                    .filter(record -> key.equals(record.key()))
                    .forEach(found::add);
                return !found.isEmpty();
            });
            ConsumerRecord<String, String> letter = found.get(0);
            assertThat(header(letter, "ce_id")).isEqualTo(id);
            assertThat(header(letter, "ce_type")).isEqualTo("io.newsflow.PostListed.v1");
            assertThat(header(letter, "ce_subject")).isEqualTo(key);
            assertThat(header(letter, "kafka_dlt-exception-fqcn")).isNotNull();
        }
    }

    @Test
    void theAsyncApiDocumentDescribesTheTopicsAsTheBrokerHoldsThem() throws Exception {
        JsonNode document = YAMLMapper.builder()
            .build()
            .readTree(getClass().getClassLoader().getResourceAsStream("contracts/asyncapi.yaml"));
        Map<String, JsonNode> bindings = new HashMap<>();
        document.get("channels")
            .forEach(channel -> bindings.put(channel.get("address").asString(), channel.at("/bindings/kafka")));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.shared().kafkaBootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(bindings.keySet()).allTopicNames().get();
            List<ConfigResource> resources = bindings.keySet()
                .stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic))
                .toList();
            var configs = admin.describeConfigs(resources).all().get();
            for (Map.Entry<String, JsonNode> binding : bindings.entrySet()) {
                String topic = binding.getKey();
                assertThat(topics.get(topic).partitions()).as("partitions of %s", topic)
                    .hasSize(binding.getValue().get("partitions").asInt());
                String cleanup = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG)
                    .value();
                assertThat(cleanup).as("cleanup.policy of %s", topic)
                    .isEqualTo(binding.getValue().at("/topicConfiguration/cleanup.policy/0").asString());
            }
        }
    }

    @Test
    void everyServiceServesTheAsyncApiDocumentAndTheSchemasItNames() {
        Set<String> served = new HashSet<>();
        for (String base : List.of(this.system.ingestUrl(), this.system.articlesUrl(), this.system.boardsUrl())) {
            var document = this.system.get(base + "/contracts/asyncapi.yaml");
            assertThat(document.statusCode()).as(base).isEqualTo(200);
            assertThat(document.body()).startsWith("# The event contract").contains("asyncapi: 3.0.0");
            var schema = this.system.get(base + "/contracts/schemas/v1/PostListed.json");
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(schema.body()).get("$id").asString())
                .isEqualTo("https://schemas.newsflow.io/v1/PostListed.json");
            served.add(document.body());
        }
        assertThat(served).hasSize(1);
    }

    private static String accepted(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("id").asString();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header utf8(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

}
