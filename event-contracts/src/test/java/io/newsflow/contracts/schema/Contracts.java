package io.newsflow.contracts.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.CloudEventAttributes;
import io.newsflow.contracts.PostEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract files of this module, read from the class path, for the tests. */
final class Contracts {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private Contracts() {
    }

    /** The schemas of today, by type name. */
    static Map<String, JsonNode> currentSchemas() {
        return schemas(EventSchemas.LOCATION);
    }

    /** The schemas of the last release, kept in the test resources. */
    static Map<String, JsonNode> releasedSchemas() {
        return schemas("released/0.1.0/schemas/v1/");
    }

    /** The record of each event type name. */
    static Map<String, Class<?>> recordsByType() {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        for (Class<?> base : new Class<?>[] { ArticleEvent.class, PostEvent.class }) {
            for (JsonSubTypes.Type type : base.getAnnotation(JsonSubTypes.class).value()) {
                records.put(type.name(), type.value());
            }
        }
        return records;
    }

    static JsonNode read(String resource) {
        try (InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + resource + " on the class path");
            }
            return JSON.readTree(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static Map<String, JsonNode> schemas(String location) {
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (String type : CloudEventAttributes.typeNames()) {
            schemas.put(type, read(location + type + ".json"));
        }
        return schemas;
    }

}
