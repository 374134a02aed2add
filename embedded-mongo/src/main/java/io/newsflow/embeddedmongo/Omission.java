package io.newsflow.embeddedmongo;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The top-level fields of the documents a query finds that its answer never shows and its
 * filter and sort never read: the documents are decoded without them
 * ({@link BsonBytesType}), as a lookup by id leaves out an article's search tokens (most
 * of its bytes) and a count ({@code _id} only) reads nothing of a post. An exclusion
 * projection omits its top-level fields other than {@code _id}; an inclusion projection
 * omits every field it does not include. A filter that reads fields by other means than
 * their names ({@code $expr}, {@code $where}, {@code $text}, ...) omits nothing, nor does
 * a projection with operators ({@code $slice}, {@code $elemMatch}, {@code $meta}).
 *
 * @param omitted the fields decoding steps over, of an exclusion projection
 * @param kept the only fields decoding reads, of an inclusion projection; null for all
 * @param projection the projection still to apply to the decoded documents, null when
 * leaving the fields out was all of it
 */
record Omission(Set<String> omitted, Set<String> kept, Document projection) {

    /** Filter operators that name no field and may read any. */
    private static final Set<String> OPAQUE = Set.of("$expr", "$where", "$text", "$jsonSchema", "$function",
            "$comment");

    static Omission of(Document query, Document orderBy, Document projection, String idField) {
        Omission none = new Omission(Set.of(), null, projection);
        if (projection == null || projection.isEmpty() || idField == null) {
            return none;
        }
        Set<String> read = new HashSet<>();
        if (!fieldsRead(query, read) || !fieldsRead(orderBy, read)) {
            return none;
        }
        boolean inclusion = projection.entrySet()
            .stream()
            .anyMatch(field -> !field.getKey().equals(idField) && !excludes(field.getValue()));
        return inclusion ? including(projection, read, idField) : excluding(projection, read, idField);
    }

    /** The documents {@code bytes} holds, decoded as this omission reads them. */
    Document decode(byte[] bytes) {
        if (this.kept != null) {
            return (bytes != null) ? BsonBytesType.decodeOnly(bytes, this.kept) : null;
        }
        return BsonBytesType.decode(bytes, this.omitted);
    }

    private static Omission excluding(Document projection, Set<String> read, String idField) {
        Set<String> omitted = new HashSet<>();
        boolean whole = true;
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            if (!excludes(field.getValue())) {
                return new Omission(Set.of(), null, projection);
            }
            String name = field.getKey();
            if (name.equals(idField) || name.indexOf('.') >= 0 || name.startsWith("$")) {
                whole = false;
            }
            else {
                omitted.add(name);
            }
        }
        if (omitted.removeAll(read)) {
            whole = false;
        }
        return new Omission(Set.copyOf(omitted), null, whole ? null : projection);
    }

    private static Omission including(Document projection, Set<String> read, String idField) {
        Set<String> kept = new HashSet<>(read);
        kept.add(idField);
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String name = field.getKey();
            boolean included = Boolean.TRUE.equals(field.getValue())
                    || (field.getValue() instanceof Number number && number.doubleValue() != 0);
            if (name.startsWith("$") || !(included || (name.equals(idField) && excludes(field.getValue())))) {
                return new Omission(Set.of(), null, projection);
            }
            kept.add(topLevel(name));
        }
        return new Omission(Set.of(), Set.copyOf(kept), projection);
    }

    private static boolean excludes(Object value) {
        return Boolean.FALSE.equals(value) || (value instanceof Number number && number.doubleValue() == 0);
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return (dot < 0) ? path : path.substring(0, dot);
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
                    read.add(topLevel(key));
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
