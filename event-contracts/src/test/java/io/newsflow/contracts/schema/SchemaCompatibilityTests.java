package io.newsflow.contracts.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Today's schemas against the released ones, under full (backward and forward)
 * compatibility; and the proof that the check refuses what would break a consumer and
 * accepts the one change v1 allows, a new optional field.
 */
class SchemaCompatibilityTests {

    @Test
    void todaysSchemasAreCompatibleWithTheLastRelease() {
        assertThat(SchemaCompatibility.breaks(Contracts.releasedSchemas(), Contracts.currentSchemas())).isEmpty();
    }

    @Test
    void everyReleasedTypeIsStillThere() {
        assertThat(Contracts.currentSchemas().keySet()).containsAll(Contracts.releasedSchemas().keySet());
    }

    @Test
    void aNewOptionalFieldIsCompatible() {
        assertThat(changed("PostListed",
                schema -> properties(schema).putObject("viewCount")
                    .put("type", "integer")
                    .put("description", "added later")))
            .isEmpty();
    }

    @Test
    void newWordsAreCompatible() {
        assertThat(changed("ArticlePublished", schema -> {
            schema.put("description", "reworded");
            ((ObjectNode) properties(schema).get("title")).put("description", "the headline, reworded");
        })).isEmpty();
    }

    @Test
    void aRemovedFieldBreaks() {
        assertThat(changed("PostListed", schema -> properties(schema).remove("author"))).singleElement()
            .asString()
            .contains("/properties/author", "removed");
    }

    @Test
    void aRenamedFieldBreaks() {
        assertThat(changed("PostListed", schema -> {
            JsonNode author = properties(schema).remove("author");
            properties(schema).set("writer", author);
        })).singleElement().asString().contains("/properties/author");
    }

    @Test
    void aChangedTypeBreaks() {
        assertThat(changed("PostListed", schema -> property(schema, "number").put("type", "string"))).singleElement()
            .asString()
            .contains("/properties/number", "\"integer\" became \"string\"");
    }

    @Test
    void aNullableFieldMadeNonNullBreaks() {
        assertThat(changed("PostListed", schema -> property(schema, "author").put("type", "string"))).singleElement()
            .asString()
            .contains("/properties/author/type");
    }

    @Test
    void aNewRequiredFieldBreaks() {
        assertThat(changed("ArticlePublished", schema -> {
            properties(schema).putObject("region").put("type", "string");
            ((ArrayNode) schema.get("required")).add("region");
        })).singleElement().asString().contains("region became required (a new required field)");
    }

    @Test
    void anOptionalFieldMadeRequiredBreaksAndARequiredOneMadeOptionalToo() {
        assertThat(changed("PostListed", schema -> ((ArrayNode) schema.get("required")).add("author"))).singleElement()
            .asString()
            .contains("author became required");
        assertThat(changed("PostListed", schema -> {
            ArrayNode required = (ArrayNode) schema.get("required");
            for (int i = 0; i < required.size(); i++) {
                if (required.get(i).asString().equals("title")) {
                    required.remove(i);
                }
            }
        })).singleElement().asString().contains("title is no longer required");
    }

    @Test
    void aChangedTypeNameBreaks() {
        assertThat(changed("PostRemoved", schema -> property(schema, "type").put("const", "PostDeleted")))
            .singleElement()
            .asString()
            .contains("/properties/type/const");
    }

    @Test
    void aNarrowedOrWidenedConstraintBreaks() {
        assertThat(changed("PostListed", schema -> property(schema, "board").put("pattern", "^[a-z]+$")))
            .singleElement()
            .asString()
            .contains("/properties/board/pattern");
        assertThat(changed("PostListed", schema -> property(schema, "number").remove("maximum"))).singleElement()
            .asString()
            .contains("/properties/number/maximum");
    }

    @Test
    void aChangeInsideANestedObjectBreaks() {
        assertThat(changed("ArticlePublished", schema -> {
            ObjectNode caption = (ObjectNode) property(schema, "captions").get("items");
            ((ObjectNode) caption.get("properties")).remove("credit");
        })).singleElement().asString().contains("/properties/captions/items/properties/credit");
    }

    @Test
    void closingTheContentModelBreaks() {
        assertThat(changed("PostRemoved", schema -> schema.put("additionalProperties", false))).singleElement()
            .asString()
            .contains("additionalProperties");
    }

    @Test
    void aRemovedEventTypeBreaks() {
        Map<String, JsonNode> current = new LinkedHashMap<>(Contracts.currentSchemas());
        current.remove("PostPublished");

        assertThat(SchemaCompatibility.breaks(Contracts.releasedSchemas(), current)).singleElement()
            .asString()
            .contains("PostPublished", "removed");
    }

    /** The breaks of the released schema of {@code type} changed by {@code change}. */
    private static List<String> changed(String type, Consumer<ObjectNode> change) {
        JsonNode released = Contracts.releasedSchemas().get(type);
        ObjectNode current = (ObjectNode) released.deepCopy();
        change.accept(current);
        return SchemaCompatibility.breaks(released, current);
    }

    private static ObjectNode properties(ObjectNode schema) {
        return (ObjectNode) schema.get("properties");
    }

    private static ObjectNode property(ObjectNode schema, String name) {
        return (ObjectNode) properties(schema).get(name);
    }

}
