package io.newsflow.contracts;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonSubTypes;

/**
 * The CloudEvents 1.0 attributes every newsflow record carries in Kafka binary mode
 * ({@code ce_*} headers and {@code content-type}), so that generic tooling can route and
 * read it without knowing the payload: {@code ce_id} is the event's {@code eventId},
 * {@code ce_subject} its record key, {@code ce_time} its {@code occurredAt},
 * {@code ce_type} a stable reverse-domain name with the topic version
 * ({@code io.newsflow.ArticlePublished.v1}), {@code ce_dataschema} the id of its JSON
 * Schema. Consumers never need them: a record without them (old data in a compacted
 * topic) reads the same.
 */
public final class CloudEventAttributes {

    /** The CloudEvents version of the headers. */
    public static final String SPEC_VERSION = "1.0";

    /** The content type of every payload. */
    public static final String CONTENT_TYPE = "application/json";

    /** {@code ce_source} of the events ingest publishes. */
    public static final URI INGEST_SOURCE = URI.create("/newsflow/ingest-service");

    /** Where the v1 schemas live: {@code $id} of each is this and its type name. */
    public static final String SCHEMA_BASE = "https://schemas.newsflow.io/v1/";

    private static final Map<Class<?>, String> TYPE_NAMES = declaredTypeNames();

    private CloudEventAttributes() {
    }

    /** Every event type name of the v1 topics, articles first. */
    public static Iterable<String> typeNames() {
        return TYPE_NAMES.values();
    }

    /**
     * The {@code type} name an event carries in its JSON ({@code ArticlePublished}).
     * @throws IllegalArgumentException for an object that is no newsflow event
     */
    public static String typeName(Object event) {
        String name = TYPE_NAMES.get(event.getClass());
        if (name == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a newsflow event");
        }
        return name;
    }

    /** {@code ce_type} of an event type name: {@code io.newsflow.ArticlePublished.v1}. */
    public static String type(String typeName) {
        return "io.newsflow." + typeName + ".v1";
    }

    /** {@code ce_dataschema}: the {@code $id} of the type's JSON Schema. */
    public static URI dataSchema(String typeName) {
        return URI.create(SCHEMA_BASE + typeName + ".json");
    }

    /** The names Jackson writes, read from the one place that declares them. */
    private static Map<Class<?>, String> declaredTypeNames() {
        Map<Class<?>, String> names = new LinkedHashMap<>();
        for (Class<?> base : new Class<?>[] { ArticleEvent.class, PostEvent.class }) {
            for (JsonSubTypes.Type type : base.getAnnotation(JsonSubTypes.class).value()) {
                names.put(type.value(), type.name());
            }
        }
        return Collections.unmodifiableMap(names);
    }

}
