package io.newsflow.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * The shape of a read a service sent to MongoDB (the fields it filters on by equality,
 * the ones it only narrows by range or leaves to the fetch, its sort or grouping) and
 * whether an index can serve it as MongoDB's planner would: the query's equality fields
 * first (in any order), then its sort, so that a page is read off the index in order; an
 * index on a multikey field it matches with {@code $all} (search tokens), which bounds
 * what is fetched and sorted; or, without a sort, an index on one of its equality (or
 * grouped) fields first.
 */
public final class QueryShapes {

    private QueryShapes() {
    }

    /**
     * @param equality fields compared for equality ({@code _id} alone is the collection's
     * own index)
     * @param multikey array fields matched with {@code $all} (search tokens)
     * @param sort the sort's fields with their direction (1 or -1), in order
     * @param grouped the {@code $group} key of an aggregation, or null
     */
    public record Shape(Set<String> equality, Set<String> multikey, Map<String, Integer> sort, String grouped) {

        @Override
        public String toString() {
            return "equality " + this.equality + (this.multikey.isEmpty() ? "" : ", all of " + this.multikey)
                    + (this.sort.isEmpty() ? "" : ", sort " + this.sort)
                    + (this.grouped == null ? "" : ", grouped by " + this.grouped);
        }
    }

    /** The shape of a {@code find}, {@code count} or {@code aggregate} command. */
    public static Shape of(BsonDocument command) {
        BsonDocument filter = filter(command);
        Map<String, Integer> sort = new LinkedHashMap<>();
        String grouped = null;
        if (command.containsKey("find")) {
            command.getDocument("sort", new BsonDocument())
                .forEach((field, direction) -> sort.put(field, direction.asNumber().intValue() < 0 ? -1 : 1));
        }
        else if (command.containsKey("aggregate")) {
            for (BsonValue stage : command.getArray("pipeline")) {
                BsonDocument step = stage.asDocument();
                if (step.containsKey("$group") && grouped == null && step.getDocument("$group").get("_id").isString()) {
                    grouped = step.getDocument("$group").getString("_id").getValue().substring(1);
                }
            }
        }
        Set<String> equality = new TreeSet<>();
        Set<String> multikey = new TreeSet<>();
        collect(filter, equality, multikey);
        return new Shape(equality, multikey, sort, grouped);
    }

    /**
     * The filter of a {@code find}, a {@code count} or the first {@code $match} of an
     * {@code aggregate} that asks anything.
     */
    private static BsonDocument filter(BsonDocument command) {
        if (command.containsKey("find")) {
            return command.getDocument("filter", new BsonDocument());
        }
        if (command.containsKey("count")) {
            return command.getDocument("query", new BsonDocument());
        }
        if (command.containsKey("aggregate")) {
            for (BsonValue stage : command.getArray("pipeline")) {
                if (stage.asDocument().containsKey("$match") && !stage.asDocument().getDocument("$match").isEmpty()) {
                    return stage.asDocument().getDocument("$match");
                }
            }
        }
        return new BsonDocument();
    }

    /**
     * Every field the command's filter reads: its fields of the top level and those of
     * its {@code $and}, {@code $or} and {@code $nor}. An index that holds them all
     * answers the filter from its keys alone (a covered query, on a field no document
     * holds an array in), without reading a document.
     */
    public static Set<String> fieldsRead(BsonDocument command) {
        Set<String> fields = new TreeSet<>();
        collectFields(filter(command), fields);
        return fields;
    }

    private static void collectFields(BsonDocument filter, Set<String> fields) {
        filter.forEach((field, condition) -> {
            if (field.equals("$and") || field.equals("$or") || field.equals("$nor")) {
                condition.asArray().forEach(clause -> collectFields(clause.asDocument(), fields));
            }
            else {
                fields.add(field);
            }
        });
    }

    /**
     * Whether an index with these keys (field to 1 or -1, in order) serves the shape.
     */
    public static boolean serves(Map<String, Integer> index, Shape shape) {
        List<String> keys = new ArrayList<>(index.keySet());
        if (shape.equality().equals(Set.of("_id")) && shape.sort().isEmpty()) {
            return keys.equals(List.of("_id"));
        }
        if (!keys.isEmpty() && shape.multikey().contains(keys.get(0))) {
            return true;
        }
        if (!shape.sort().isEmpty()) {
            int prefix = shape.equality().size();
            if (keys.size() < prefix + shape.sort().size()
                    || !Set.copyOf(keys.subList(0, prefix)).equals(shape.equality())) {
                return false;
            }
            List<String> sortFields = new ArrayList<>(shape.sort().keySet());
            int same = 0;
            for (int i = 0; i < sortFields.size(); i++) {
                String key = keys.get(prefix + i);
                if (!key.equals(sortFields.get(i))) {
                    return false;
                }
                same += index.get(key).equals(shape.sort().get(key)) ? 1 : 0;
            }
            // read forwards or backwards, never mixed
            return same == 0 || same == sortFields.size();
        }
        if (shape.grouped() != null) {
            return keys.get(0).equals(shape.grouped());
        }
        return !keys.isEmpty() && shape.equality().contains(keys.get(0));
    }

    /**
     * Each distinct shape of {@code reads} with the name of the first of {@code indexes}
     * ({@code listIndexes} documents: name and key) that serves it, or {@code none}.
     */
    public static Map<String, String> servedBy(List<BsonDocument> reads, Iterable<Document> indexes) {
        Map<String, Map<String, Integer>> keysByName = new LinkedHashMap<>();
        for (Document index : indexes) {
            Map<String, Integer> keys = new LinkedHashMap<>();
            index.get("key", Document.class)
                .forEach((field, direction) -> keys.put(field, ((Number) direction).intValue() < 0 ? -1 : 1));
            keysByName.put(index.getString("name"), keys);
        }
        Map<String, String> served = new TreeMap<>();
        for (BsonDocument read : reads) {
            Shape shape = of(read);
            served.put(shape.toString(),
                    keysByName.entrySet()
                        .stream()
                        .filter(index -> serves(index.getValue(), shape))
                        .map(Map.Entry::getKey)
                        .findFirst()
                        .orElse("none"));
        }
        return served;
    }

    private static void collect(BsonDocument filter, Set<String> equality, Set<String> multikey) {
        filter.forEach((field, condition) -> {
            if (field.equals("$and")) {
                condition.asArray().forEach(clause -> collect(clause.asDocument(), equality, multikey));
            }
            else if (field.startsWith("$")) {
                // $or, $nor: left to the fetch (or a range over the sort, as a cursor is)
            }
            else if (!condition.isDocument()) {
                equality.add(field);
            }
            else if (condition.asDocument().containsKey("$eq") || condition.asDocument().containsKey("$in")) {
                // $in: several equalities, each served by an index that starts with the
                // field (a multikey one for an array field, such as story bands)
                equality.add(field);
            }
            else if (condition.asDocument().containsKey("$all")) {
                multikey.add(field);
            }
        });
    }

}
