package io.newsflow.embeddedmongo;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The top-level fields a query's answer leaves out and its filter and sort never read:
 * the documents it finds are decoded without them
 * ({@link BsonBytesType#decode(byte[], Set)}), as a lookup by id leaves out an article's
 * search tokens (most of its bytes). Only an exclusion projection omits anything, and
 * only its top-level fields other than {@code _id}; a filter that reads fields by other
 * means than their names ({@code $expr}, {@code $where}, {@code $text}, ...) omits
 * nothing.
 *
 * @param fields the fields decoding leaves out
 * @param projection the projection still to apply to the decoded documents, null when
 * leaving the fields out was all of it
 */
record Omission(Set<String> fields, Document projection) {

    /** Filter operators that name no field and may read any. */
    private static final Set<String> OPAQUE = Set.of("$expr", "$where", "$text", "$jsonSchema", "$function",
            "$comment");

    static Omission of(Document query, Document orderBy, Document projection, String idField) {
        Omission none = new Omission(Set.of(), projection);
        if (projection == null || projection.isEmpty()) {
            return none;
        }
        Set<String> omitted = new HashSet<>();
        boolean whole = true;
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            if (!excludes(field.getValue())) {
                return none;
            }
            String name = field.getKey();
            if (name.equals(idField) || name.indexOf('.') >= 0 || name.startsWith("$")) {
                whole = false;
            }
            else {
                omitted.add(name);
            }
        }
        Set<String> read = new HashSet<>();
        if (!fieldsRead(query, read) || !fieldsRead(orderBy, read)) {
            return none;
        }
        if (omitted.removeAll(read)) {
            whole = false;
        }
        if (omitted.isEmpty()) {
            return none;
        }
        return new Omission(Set.copyOf(omitted), whole ? null : projection);
    }

    private static boolean excludes(Object value) {
        return Boolean.FALSE.equals(value) || (value instanceof Number number && number.doubleValue() == 0);
    }

    /**
     * Adds the top-level fields {@code filter} names, at any depth of its operators, to
     * {@code read}; false if it may read fields it does not name.
     */
    private static boolean fieldsRead(Object filter, Set<String> read) {
        if (filter instanceof Document document) {
            for (Map.Entry<String, Object> entry : document.entrySet()) {
                String key = entry.getKey();
                if (!key.startsWith("$")) {
                    int dot = key.indexOf('.');
                    read.add((dot < 0) ? key : key.substring(0, dot));
                }
                else if (OPAQUE.contains(key) || !fieldsRead(entry.getValue(), read)) {
                    return false;
                }
            }
        }
        else if (filter instanceof Collection<?> parts) {
            for (Object part : parts) {
                if (!fieldsRead(part, read)) {
                    return false;
                }
            }
        }
        return true;
    }

}
