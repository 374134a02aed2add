package io.newsflow.contracts.schema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Whether a new version of an event's JSON Schema can replace the released one on a v1
 * topic, under the mode newsflow promises its consumers: <em>full</em> compatibility,
 * backward (a reader built on the new schema reads every event written under the old one,
 * the compacted topics hold them for ever) and forward (a reader built on the old schema
 * reads every event written under the new one, as readers ignore fields they do not
 * know). So the only change allowed is a new optional property, and only where the old
 * schema left additional properties open. Nothing may be removed, renamed, retyped, made
 * required or no longer required, and no constraint ({@code const}, {@code enum},
 * {@code pattern}, {@code format}, bounds) may change: narrowing one refuses old events,
 * widening one lets through events old readers refuse. Words ({@code description},
 * {@code title}, {@code examples}) may change.
 */
public final class SchemaCompatibility {

    /** Keywords that describe and never constrain. */
    private static final Set<String> WORDS = Set.of("description", "title", "examples", "$comment", "deprecated");

    /** Keywords compared by their own rules below. */
    private static final Set<String> STRUCTURE = Set.of("properties", "required", "items", "additionalProperties");

    private SchemaCompatibility() {
    }

    /**
     * What breaks a consumer when {@code current} replaces {@code released}: empty when
     * the change is compatible. Each break names the place (a JSON pointer into the
     * schema) and what changed.
     */
    public static List<String> breaks(JsonNode released, JsonNode current) {
        List<String> breaks = new ArrayList<>();
        compare("", released, current, breaks);
        return breaks;
    }

    /**
     * What breaks when a set of schemas by type name replaces the released set: a type
     * that is gone is a break; a new type is not.
     */
    public static List<String> breaks(Map<String, JsonNode> released, Map<String, JsonNode> current) {
        List<String> breaks = new ArrayList<>();
        for (Map.Entry<String, JsonNode> type : released.entrySet()) {
            JsonNode now = current.get(type.getKey());
            if (now == null) {
                breaks.add(type.getKey() + ": the event type was removed");
            }
            else {
                breaks(type.getValue(), now).forEach(problem -> breaks.add(type.getKey() + ".json#" + problem));
            }
        }
        return breaks;
    }

    private static void compare(String at, JsonNode released, JsonNode current, List<String> breaks) {
        Set<String> keywords = new TreeSet<>();
        keywords.addAll(released.propertyNames());
        keywords.addAll(current.propertyNames());
        for (String keyword : keywords) {
            if (WORDS.contains(keyword) || STRUCTURE.contains(keyword)) {
                continue;
            }
            JsonNode before = released.get(keyword);
            JsonNode after = current.get(keyword);
            if (before == null || after == null || !before.equals(after)) {
                breaks.add(pointer(at, keyword) + ": " + keyword + " " + shown(before) + " became " + shown(after));
            }
        }
        compareItems(at, released.get("items"), current.get("items"), breaks);
        compareProperties(at, released, current, breaks);
    }

    private static void compareItems(String at, JsonNode released, JsonNode current, List<String> breaks) {
        if (released == null && current == null) {
            return;
        }
        if (released == null || current == null) {
            breaks.add(pointer(at, "items") + ": items " + shown(released) + " became " + shown(current));
            return;
        }
        compare(pointer(at, "items"), released, current, breaks);
    }

    private static void compareProperties(String at, JsonNode released, JsonNode current, List<String> breaks) {
        JsonNode before = object(released.get("properties"));
        JsonNode after = object(current.get("properties"));
        Set<String> requiredBefore = names(released.get("required"));
        Set<String> requiredAfter = names(current.get("required"));
        boolean open = !isFalse(released.get("additionalProperties"));
        if (!sameOpenness(released.get("additionalProperties"), current.get("additionalProperties"))) {
            breaks.add(pointer(at, "additionalProperties") + ": additionalProperties "
                    + shown(released.get("additionalProperties")) + " became "
                    + shown(current.get("additionalProperties")));
        }
        for (String name : before.propertyNames()) {
            String property = pointer(pointer(at, "properties"), name);
            if (!after.has(name)) {
                breaks.add(property + ": the field was removed (or renamed)");
                continue;
            }
            compare(property, before.get(name), after.get(name), breaks);
        }
        for (String name : after.propertyNames()) {
            if (!before.has(name) && !open) {
                breaks.add(pointer(pointer(at, "properties"), name)
                        + ": a field was added where the released schema allows no other fields");
            }
        }
        for (String name : requiredAfter) {
            if (!requiredBefore.contains(name)) {
                breaks.add(pointer(at, "required") + ": " + name + " became required"
                        + (before.has(name) ? "" : " (a new required field)"));
            }
        }
        for (String name : requiredBefore) {
            if (!requiredAfter.contains(name) && after.has(name)) {
                breaks.add(pointer(at, "required") + ": " + name + " is no longer required");
            }
        }
    }

    /** {@code true} and absent mean the same: other fields are allowed. */
    private static boolean sameOpenness(JsonNode released, JsonNode current) {
        boolean releasedOpen = released == null || released.isBoolean() && released.asBoolean();
        boolean currentOpen = current == null || current.isBoolean() && current.asBoolean();
        return releasedOpen && currentOpen || released != null && released.equals(current);
    }

    private static boolean isFalse(JsonNode node) {
        return node != null && node.isBoolean() && !node.asBoolean();
    }

    private static JsonNode object(JsonNode node) {
        return node == null ? JsonNodeFactory.instance.objectNode() : node;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(name -> names.add(name.asString()));
        }
        return names;
    }

    private static String pointer(String at, String segment) {
        return at + "/" + segment.replace("~", "~0").replace("/", "~1");
    }

    private static String shown(JsonNode node) {
        return node == null ? "(absent)" : node.toString();
    }

}
