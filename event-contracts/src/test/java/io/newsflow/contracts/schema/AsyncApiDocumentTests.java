package io.newsflow.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.Topics;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code contracts/asyncapi.yaml} is a valid AsyncAPI 3.0.0 document (checked against the
 * specification's own JSON Schema) and says what the code does: the v1 topics and their
 * dead-letter topics, a message for every event type on its topic, each with the schema
 * of its type, and who sends and who receives.
 */
class AsyncApiDocumentTests {

    private static final String DOCUMENT = "contracts/asyncapi.yaml";

    private final Schema asyncApi = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7)
        .getSchema(resource("asyncapi/3.0.0.json"), InputFormat.JSON);

    private final JsonNode document = YAMLMapper.builder().build().readTree(text(DOCUMENT));

    @Test
    void isAValidAsyncApi3Document() {
        assertThat(this.asyncApi.validate(text(DOCUMENT), InputFormat.YAML)).isEmpty();
        assertThat(this.document.get("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void theValidatorRefusesWhatTheSpecificationForbids() {
        // AsyncAPI 2's "publish" is no action of 3.0; a channel's address is a string
        assertThat(this.asyncApi.validate(text(DOCUMENT).replace("action: send", "action: publish"), InputFormat.YAML))
            .isNotEmpty();
        assertThat(this.asyncApi.validate(
                text(DOCUMENT).replace("address: " + Topics.ARTICLES + "\n", "address:\n      - x\n"),
                InputFormat.YAML))
            .isNotEmpty();
    }

    @Test
    void itsChannelsAreTheTopicsAndTheirDeadLetterTopics() {
        Set<String> addresses = new HashSet<>();
        this.document.get("channels").forEach(channel -> {
            addresses.add(channel.get("address").asString());
            assertThat(channel.at("/bindings/kafka/topic").asString()).isEqualTo(channel.get("address").asString());
        });

        assertThat(addresses).containsExactlyInAnyOrder(Topics.ARTICLES, Topics.POSTS,
                Topics.deadLetter(Topics.ARTICLES), Topics.deadLetter(Topics.POSTS));
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopicWithTheSchemaOfItsType() {
        Map<String, String> channels = new HashMap<>();
        this.document.get("channels")
            .properties()
            .forEach(channel -> channels.put(channel.getValue().get("address").asString(), channel.getKey()));
        Map<String, Class<?>> records = Contracts.recordsByType();

        records.forEach((type, record) -> {
            String topic = ArticleEvent.class.isAssignableFrom(record) ? Topics.ARTICLES : Topics.POSTS;
            JsonNode channel = this.document.get("channels").get(channels.get(topic));
            assertThat(channel.at("/messages/" + type + "/$ref").asString()).as("%s on %s", type, topic)
                .isEqualTo("#/components/messages/" + type);
            JsonNode message = this.document.at("/components/messages/" + type);
            assertThat(message.get("name").asString()).isEqualTo(type);
            String schema = message.at("/payload/schema/$ref").asString();
            assertThat(schema).isEqualTo("schemas/v1/" + type + ".json");
            assertThat(Contracts.read("contracts/" + schema).get("title").asString()).isEqualTo(type);
            assertThat(message.at("/payload/schemaFormat").asString())
                .isEqualTo("application/schema+json;version=2020-12");
        });
        assertThat(this.document.at("/channels/" + channels.get(Topics.ARTICLES) + "/messages").size())
            .isEqualTo(ArticleEvent.class.getPermittedSubclasses().length);
        assertThat(this.document.at("/channels/" + channels.get(Topics.POSTS) + "/messages").size())
            .isEqualTo(PostEvent.class.getPermittedSubclasses().length);
    }

    @Test
    void ingestSendsTheEventsAndEachReadModelReceivesItsTopicAndSendsItsDeadLetters() {
        Map<String, String> senders = new HashMap<>();
        Map<String, String> receivers = new HashMap<>();
        this.document.get("operations").forEach(operation -> {
            String channel = operation.at("/channel/$ref").asString().replace("#/channels/", "");
            String address = this.document.at("/channels/" + channel + "/address").asString();
            String service = operation.at("/tags/0/name").asString();
            (operation.get("action").asString().equals("send") ? senders : receivers).put(address, service);
        });

        assertThat(senders).containsEntry(Topics.ARTICLES, "ingest-service")
            .containsEntry(Topics.POSTS, "ingest-service")
            .containsEntry(Topics.deadLetter(Topics.ARTICLES), "article-service")
            .containsEntry(Topics.deadLetter(Topics.POSTS), "board-service");
        assertThat(receivers).containsEntry(Topics.ARTICLES, "article-service")
            .containsEntry(Topics.POSTS, "board-service");
    }

    private static String text(String resource) {
        try (InputStream in = resource(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static InputStream resource(String resource) {
        InputStream in = AsyncApiDocumentTests.class.getClassLoader().getResourceAsStream(resource);
        assertThat(in).as(resource).isNotNull();
        return in;
    }

}
