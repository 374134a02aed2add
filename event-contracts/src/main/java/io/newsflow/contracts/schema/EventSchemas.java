package io.newsflow.contracts.schema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.newsflow.contracts.CloudEventAttributes;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schemas (2020-12) of the v1 events, read from this module's
 * {@code contracts/schemas/v1/}, and a validator of event JSON against them (formats such
 * as {@code date-time} and {@code uuid} asserted, not only annotated). Needs
 * {@code com.networknt:json-schema-validator} on the class path, which this module
 * declares optional: a consumer that only reads the records does not get it.
 */
public final class EventSchemas {

    /** Where the schemas are on the class path. */
    public static final String LOCATION = "contracts/schemas/v1/";

    private final Map<String, Schema> byType = new LinkedHashMap<>();

    private EventSchemas(SchemaRegistry registry) {
        for (String type : CloudEventAttributes.typeNames()) {
            Schema schema = registry.getSchema(SchemaLocation.of(CloudEventAttributes.dataSchema(type).toString()));
            schema.initializeValidators();
            this.byType.put(type, schema);
        }
    }

    /** The schemas of the v1 topics. */
    public static EventSchemas v1() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
        return new EventSchemas(SchemaRegistry
            .withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemaRegistryConfig(config)
                .schemaIdResolvers(
                        resolvers -> resolvers.mapPrefix(CloudEventAttributes.SCHEMA_BASE, "classpath:" + LOCATION))));
    }

    /**
     * What is wrong with an event's JSON: empty when it validates against the schema of
     * the type it names.
     */
    public List<String> problems(JsonNode event) {
        JsonNode type = event.get("type");
        Schema schema = type == null ? null : this.byType.get(type.asString());
        if (schema == null) {
            return List.of("type " + type + " is none of " + this.byType.keySet());
        }
        return schema.validate(event).stream().map(Error::toString).toList();
    }

}
