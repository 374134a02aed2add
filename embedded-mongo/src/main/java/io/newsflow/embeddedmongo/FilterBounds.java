package io.newsflow.embeddedmongo;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * What a filter asks of each field, as far as an index can answer it: a value it must
 * equal, values it must all hold ({@code $all}) or one of ({@code $in}), and a range.
 * Read from the filter's top level and its {@code $and}; an {@code $or} whose every
 * branch bounds a field bounds it by their union (a keyset cursor's
 * {@code a < x or (a = x and b < y)} bounds {@code a <= x}). Everything else (negations,
 * {@code $ne}, regular expressions, nulls, documents) is left to the matcher, which sees
 * the whole filter: what is read here only has to let every matching document through.
 */
record FilterBounds(Map<String, Object> equal, Map<String, List<Object>> all, Map<String, List<Object>> any,
        Map<String, Range> ranges) {

    static FilterBounds of(Document query) {
        FilterBounds conditions = new FilterBounds(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        conditions.read(query);
        return conditions;
    }

    private void read(Document query) {
        for (Map.Entry<String, Object> clause : query.entrySet()) {
            String field = clause.getKey();
            Object value = clause.getValue();
            if (field.equals("$and") && value instanceof List<?> parts) {
                parts.stream().filter(Document.class::isInstance).map(Document.class::cast).forEach(this::read);
            }
            else if (field.equals("$or") && value instanceof List<?> branches) {
                readUnion(branches);
            }
            else if (!field.startsWith("$")) {
                readField(field, value);
            }
        }
    }

    private void readField(String field, Object value) {
        if (isScalar(value)) {
            this.equal.putIfAbsent(field, value);
        }
        else if (value instanceof Document operators && !operators.isEmpty()
                && operators.keySet().stream().allMatch(key -> key.startsWith("$"))) {
            operators.forEach((operator, operand) -> readOperator(field, operator, operand));
        }
    }

    private void readOperator(String field, String operator, Object operand) {
        switch (operator) {
            case "$eq" -> {
                if (isScalar(operand)) {
                    this.equal.putIfAbsent(field, operand);
                }
            }
            case "$all" -> scalars(operand).ifPresent(values -> this.all.putIfAbsent(field, values));
            case "$in" -> scalars(operand).ifPresent(values -> this.any.putIfAbsent(field, values));
            case "$gt", "$gte", "$lt", "$lte" -> {
                if (isScalar(operand)) {
                    boolean low = operator.startsWith("$g");
                    boolean inclusive = operator.endsWith("e");
                    Range bound = low ? new Range(operand, inclusive, null, false)
                            : new Range(null, false, operand, inclusive);
                    this.ranges.merge(field, bound, Range::intersect);
                }
            }
            default -> {
                // left to the matcher
            }
        }
    }

    /**
     * Bounds every field that each branch bounds (by equality or a range) by their union.
     */
    private void readUnion(List<?> branches) {
        Map<String, Range> union = null;
        for (Object branch : branches) {
            if (!(branch instanceof Document filter)) {
                return;
            }
            FilterBounds read = of(filter);
            Map<String, Range> bounds = new HashMap<>(read.ranges());
            read.equal()
                .forEach((field, value) -> bounds.merge(field, new Range(value, true, value, true), Range::intersect));
            if (union == null) {
                union = bounds;
            }
            else {
                Map<String, Range> previous = union;
                union = new HashMap<>();
                for (Map.Entry<String, Range> bound : bounds.entrySet()) {
                    Range before = previous.get(bound.getKey());
                    if (before != null) {
                        union.put(bound.getKey(), before.hull(bound.getValue()));
                    }
                }
            }
        }
        if (union != null) {
            union.forEach((field, range) -> this.ranges.merge(field, range, Range::intersect));
        }
    }

    private static Optional<List<Object>> scalars(Object operand) {
        if (operand instanceof Collection<?> values && !values.isEmpty()
                && values.stream().allMatch(FilterBounds::isScalar)) {
            return Optional.of(List.copyOf(values));
        }
        return Optional.empty();
    }

    /** A value an index compares as MongoDB does; never null, a document or a pattern. */
    static boolean isScalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Instant || value instanceof ObjectId || value instanceof UUID;
    }

    /** Bounds on a field's value in MongoDB's order; a null end is open. */
    record Range(Object low, boolean lowInclusive, Object high, boolean highInclusive) {

        /** Values within both. */
        Range intersect(Range other) {
            Range range = this;
            if (other.low != null) {
                int compared = this.low == null ? -1 : ValueComparator.asc().compare(this.low, other.low);
                if (compared < 0 || (compared == 0 && !other.lowInclusive)) {
                    range = new Range(other.low, other.lowInclusive, range.high, range.highInclusive);
                }
            }
            if (other.high != null) {
                int compared = this.high == null ? 1 : ValueComparator.asc().compare(this.high, other.high);
                if (compared > 0 || (compared == 0 && !other.highInclusive)) {
                    range = new Range(range.low, range.lowInclusive, other.high, other.highInclusive);
                }
            }
            return range;
        }

        /** Values within either (and between them). */
        Range hull(Range other) {
            Object low = null;
            boolean lowInclusive = false;
            if (this.low != null && other.low != null) {
                int compared = ValueComparator.asc().compare(this.low, other.low);
                low = compared <= 0 ? this.low : other.low;
                lowInclusive = compared < 0 ? this.lowInclusive
                        : compared > 0 ? other.lowInclusive : this.lowInclusive || other.lowInclusive;
            }
            Object high = null;
            boolean highInclusive = false;
            if (this.high != null && other.high != null) {
                int compared = ValueComparator.asc().compare(this.high, other.high);
                high = compared >= 0 ? this.high : other.high;
                highInclusive = compared > 0 ? this.highInclusive
                        : compared < 0 ? other.highInclusive : this.highInclusive || other.highInclusive;
            }
            return new Range(low, lowInclusive, high, highInclusive);
        }

    }

}
