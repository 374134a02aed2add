package io.newsflow.testsupport;

import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service's OpenAPI description ({@code /v3/api-docs}) as a test reads it: the example
 * of an operation's answer, and the shape of JSON, so a test can hold an example against
 * the real answer.
 */
public final class ApiDescription {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode description;

    public ApiDescription(String json) {
        this.description = JSON.readTree(json);
    }

    /** The paths the description lists. */
    public Set<String> paths() {
        return new TreeSet<>(this.description.get("paths").propertyNames());
    }

    /**
     * The first example of the answer {@code status} to {@code GET path}; fails when
     * there is none.
     */
    public JsonNode example(String path, int status) {
        JsonNode content = this.description.get("paths")
            .path(path)
            .path("get")
            .path("responses")
            .path(String.valueOf(status))
            .path("content");
        // an unnamed example is the media type's "example", named ones are "examples"
        // with a "value" each
        JsonNode example = content.valueStream()
            .flatMap(media -> java.util.stream.Stream.concat(java.util.stream.Stream.of(media.path("example")),
                    media.path("examples").valueStream().map(named -> named.path("value"))))
            .filter(value -> !value.isMissingNode())
            .findFirst()
            .orElseThrow(() -> new AssertionError("no example of " + status + " for GET " + path + ": " + content));
        return example.isString() ? JSON.readTree(example.asString()) : example;
    }

    /**
     * The property names of an object, and of the first element of each array property,
     * as {@code a.b} paths.
     */
    public static Set<String> shape(JsonNode node) {
        Set<String> shape = new TreeSet<>();
        collect(node, "", shape);
        return shape;
    }

    /**
     * What is wrong with {@code example} as a description of {@code real}: fields the
     * real answer has that the example does not show, and top-level fields the example
     * shows that the real answer lacks. (Nested fields of an empty array in the real
     * answer cannot be compared.)
     */
    public static Set<String> mismatches(JsonNode example, JsonNode real) {
        Set<String> exampleShape = shape(example);
        Set<String> mismatches = new TreeSet<>();
        shape(real).stream()
            .filter(field -> !exampleShape.contains(field))
            .forEach(field -> mismatches.add("not in the example: " + field));
        Set<String> realTop = new TreeSet<>(real.isObject() ? real.propertyNames() : Set.of());
        if (example.isObject()) {
            example.propertyNames()
                .stream()
                .filter(field -> !realTop.contains(field))
                .forEach(field -> mismatches.add("not in the answer: " + field));
        }
        return mismatches;
    }

    /** Reads JSON text. */
    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static void collect(JsonNode node, String prefix, Set<String> shape) {
        if (node.isArray() && !node.isEmpty()) {
            collect(node.get(0), prefix + "[]", shape);
        }
        else if (node.isObject()) {
            node.propertyStream().forEach(property -> {
                String name = prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey();
                shape.add(name);
                collect(property.getValue(), name, shape);
            });
        }
    }

}
