package io.newsflow.contracts.schema;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.contracts.CloudEventAttributes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas are the contract other teams build on: they must say exactly what the
 * records write (every record field a property, every property a record field, the types
 * matching), every saved sample must validate, and what a producer must never write must
 * not.
 */
class EventSchemasTests {

    private static final EventSchemas SCHEMAS = EventSchemas.v1();

    static Stream<String> types() {
        return Contracts.recordsByType().keySet().stream();
    }

    @ParameterizedTest
    @CsvSource({ "article-published.json", "article-removed.json", "post-listed.json", "post-published.json",
            "post-removed.json", "post-body-published.json", "post-body-removed.json" })
    void everySavedSampleValidates(String sample) {
        assertThat(SCHEMAS.problems(Contracts.read("samples/" + sample))).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("types")
    void everyRecordFieldIsAPropertyOfItsTypeAndEveryPropertyARecordField(String type) {
        JsonNode schema = Contracts.currentSchemas().get(type);
        JsonNode properties = schema.get("properties");
        Set<String> required = new HashSet<>();
        schema.get("required").forEach(name -> required.add(name.asString()));
        Set<String> components = new HashSet<>();

        for (RecordComponent component : Contracts.recordsByType().get(type).getRecordComponents()) {
            components.add(component.getName());
            JsonNode property = properties.get(component.getName());
            assertThat(property).as("%s.%s in the schema", type, component.getName()).isNotNull();
            assertThat(types(property)).as("%s.%s", type, component.getName()).contains(jsonType(component.getType()));
            if (component.getType().isPrimitive()) {
                assertThat(required).as("%s.%s (a primitive is always written)", type, component.getName())
                    .contains(component.getName());
            }
            if (component.getType() == Instant.class) {
                assertThat(property.get("format").asString()).isEqualTo("date-time");
            }
            if (required.contains(component.getName())) {
                assertThat(types(property)).as("%s.%s is required, so never null", type, component.getName())
                    .doesNotContain("null");
            }
        }
        Set<String> described = new HashSet<>(properties.propertyNames());
        described.remove("type");
        assertThat(described).as("properties of %s that no record field writes", type).isEqualTo(components);
        assertThat(properties.get("type").get("const").asString()).isEqualTo(type);
        assertThat(required).contains("type", "eventId", "occurredAt", "schemaVersion", "revision");
    }

    @Test
    void aCaptionsFieldsAreTheItemsOfCaptions() {
        JsonNode items = Contracts.currentSchemas().get("ArticlePublished").at("/properties/captions/items");
        Set<String> components = new HashSet<>();
        for (RecordComponent component : ArticlePublished.Caption.class.getRecordComponents()) {
            components.add(component.getName());
        }

        assertThat(new HashSet<>(items.get("properties").propertyNames())).isEqualTo(components);
        assertThat(items.get("required")).extracting(JsonNode::asString).containsExactly("text");
    }

    @Test
    void aBoardPostsFieldsAreThePropertiesOfPostAndBothRequired() {
        JsonNode post = Contracts.currentSchemas().get("ArticlePublished").at("/properties/post");
        Set<String> components = new HashSet<>();
        for (RecordComponent component : ArticlePublished.BoardPost.class.getRecordComponents()) {
            components.add(component.getName());
        }

        assertThat(new HashSet<>(post.get("properties").propertyNames())).isEqualTo(components);
        assertThat(post.get("required")).extracting(JsonNode::asString).containsExactlyInAnyOrder("board", "number");
    }

    @Test
    void aRepostAndTheBodyCarryingItsArticleValidateAndAMalformedLinkIsRefused() {
        ObjectNode article = (ObjectNode) Contracts.read("samples/article-published.json");
        article.putObject("post").put("board", "rank-news").put("number", 4812);
        assertThat(SCHEMAS.problems(article)).isEmpty();
        article.putObject("post").put("board", "Rank News").put("number", 0);
        assertThat(SCHEMAS.problems(article)).hasSize(2);

        ObjectNode body = (ObjectNode) Contracts.read("samples/post-body-published.json");
        body.put("articleId", "https://news.example.kr/1");
        assertThat(SCHEMAS.problems(body)).singleElement().asString().contains("articleId");
    }

    @ParameterizedTest
    @MethodSource("types")
    void eachSchemaIsNamedByItsTypeAndIsAValid2020_12Schema(String type) {
        JsonNode schema = Contracts.currentSchemas().get(type);
        Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

        assertThat(schema.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.get("$id").asString()).isEqualTo(CloudEventAttributes.dataSchema(type).toString());
        assertThat(schema.get("title").asString()).isEqualTo(type);
        assertThat(metaSchema.validate(schema)).isEmpty();
        assertThat(metaSchema.validate(Contracts.JSON.readTree("{\"type\": 7}"))).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            post-listed.json       | number       | 1.5
            post-listed.json       | number       | "12"
            post-listed.json       | number       | 0
            post-listed.json       | board        | "Free Board"
            post-listed.json       | title        | true
            post-listed.json       | title        | ""
            post-listed.json       | occurredAt   | "yesterday"
            post-listed.json       | eventId      | "not-a-uuid"
            post-listed.json       | commentCount | -1
            post-listed.json       | contentHash  | "abc"
            post-listed.json       | type         | "PostListedV2"
            article-published.json | paragraphs   | "one paragraph"
            article-published.json | captions     | [{"credit": "연합"}]
            article-published.json | url          | "not a url"
            article-published.json | articleId    | "42"
            article-published.json | publishedAt  | "2024-07-24"
            post-body-published.json | body       | null
            """)
    void aValueNoProducerMayWriteIsRefused(String sample, String field, String value) {
        ObjectNode event = (ObjectNode) Contracts.read("samples/" + sample);
        event.set(field, Contracts.JSON.readTree(value));

        assertThat(SCHEMAS.problems(event)).as("%s = %s", field, value).isNotEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "post-listed.json, title", "post-listed.json, revision", "article-published.json, paragraphs",
            "article-published.json, language", "post-body-published.json, body", "article-removed.json, articleId" })
    void aMissingRequiredFieldIsRefused(String sample, String field) {
        ObjectNode event = (ObjectNode) Contracts.read("samples/" + sample);
        event.remove(field);

        assertThat(SCHEMAS.problems(event)).singleElement().asString().contains(field);
    }

    @Test
    void optionalFieldsMayBeNullOrAbsentAndUnknownFieldsAreAllowed() {
        ObjectNode listed = (ObjectNode) Contracts.read("samples/post-listed.json");
        listed.putNull("author");
        listed.remove(List.of("category", "postedAt", "url", "commentCount"));
        listed.put("addedLater", "a field a newer producer writes");
        ObjectNode article = (ObjectNode) Contracts.read("samples/article-published.json");
        article.putNull("url");
        article.putNull("outlet");

        assertThat(SCHEMAS.problems(listed)).isEmpty();
        assertThat(SCHEMAS.problems(article)).isEmpty();
    }

    @Test
    void anEventOfNoKnownTypeIsRefused() {
        assertThat(SCHEMAS.problems(Contracts.JSON.readTree("{\"eventId\": \"x\"}"))).isNotEmpty();
        assertThat(SCHEMAS.problems(Contracts.JSON.readTree("{\"type\": \"PostEdited\"}"))).singleElement()
            .asString()
            .contains("PostEdited");
    }

    private static Set<String> types(JsonNode property) {
        Set<String> types = new HashSet<>();
        JsonNode type = property.get("type");
        if (type.isArray()) {
            type.forEach(each -> types.add(each.asString()));
        }
        else {
            types.add(type.asString());
        }
        return types;
    }

    private static String jsonType(Class<?> type) {
        if (type.isRecord()) {
            return "object";
        }
        Map<Class<?>, String> types = Map.of(String.class, "string", Instant.class, "string", int.class, "integer",
                long.class, "integer", Integer.class, "integer", Long.class, "integer", List.class, "array");
        assertThat(types).as("a JSON type for %s", type).containsKey(type);
        return types.get(type);
    }

}
