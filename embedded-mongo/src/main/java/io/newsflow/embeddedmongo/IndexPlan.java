package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import io.newsflow.embeddedmongo.FilterBounds.Range;

/**
 * Which index finds the documents of a filter, and whether it hands them over in the
 * order asked for, as MongoDB's planner decides for the shapes our services send: a
 * unique index whose every key is given (the {@code _id} of a guarded write), the posting
 * lists of a term index (search tokens), or a walk of a {@link SortedKeyIndex} under an
 * equality prefix and within a range, in the sort's direction, so a page stops once it
 * holds its documents. The collection applies the whole filter to what the plan yields,
 * so a plan only has to yield every matching document; null means none helps, and the
 * collection scans as mongo-java-server does.
 */
record IndexPlan<P>(Iterable<P> positions, boolean sorted, TermCondition served) {

    /**
     * Up to this many documents found by a term index are read and sorted rather than
     * walking a sorted index for them.
     */
    static final int MOST_SORTED_AFTER_READING = 1_000;

    IndexPlan(Iterable<P> positions, boolean sorted) {
        this(positions, sorted, null);
    }

    /** The documents at the plan's positions, those still stored. */
    Stream<Document> documents(Function<P, Document> documentAt) {
        return StreamSupport.stream(this.positions.spliterator(), false).map(documentAt).filter(Objects::nonNull);
    }

    /**
     * The sort still to apply to the plan's documents: none when the index yields them in
     * {@code orderBy}'s order, so a page stops after its documents.
     */
    Document sortLeft(Document orderBy) {
        return this.sorted ? null : orderBy;
    }

    /**
     * The filter left for the matcher to check: without the condition on strings of the
     * term index that found the plan's documents, which each of them meets, when the
     * filter asks it as a condition of its own (a top-level field or a part of a
     * top-level {@code $and}). Checking it again is what a story candidate query spent
     * most of its time on: an {@code $in} of 32 band keys against each document's 32
     * bands, for 2,000 documents, is two million string comparisons.
     */
    Document residual(Document query) {
        return this.served == null ? query : this.served.without(query);
    }

    static <P> IndexPlan<P> of(List<Index<P>> indexes, Document query, Document orderBy) {
        if (orderBy != null && orderBy.containsKey("$natural")) {
            return null;
        }
        FilterBounds conditions = FilterBounds.of(query);
        IndexPlan<P> unique = unique(indexes, conditions);
        if (unique != null) {
            return unique;
        }
        Terms<P> found = terms(indexes, conditions);
        List<P> terms = found == null ? null : found.positions();
        TermCondition served = found == null ? null : found.condition();
        Walk<P> sorting = null;
        Walk<P> narrowing = null;
        for (Index<P> index : indexes) {
            if (index instanceof SortedKeyIndex<P> sortedIndex && sortedIndex.usable()) {
                Walk<P> walk = Walk.of(sortedIndex, conditions, orderBy);
                if (walk.backwards() != null && (sorting == null || walk.equalKeys() > sorting.equalKeys())) {
                    sorting = walk;
                }
                if (walk.narrows() && (narrowing == null || walk.equalKeys() > narrowing.equalKeys())) {
                    narrowing = walk;
                }
            }
        }
        if (terms != null && (terms.size() <= MOST_SORTED_AFTER_READING || sorting == null)) {
            return new IndexPlan<>(terms, false, served);
        }
        if (sorting != null) {
            Iterable<P> walked = sorting.positions();
            if (terms == null) {
                return new IndexPlan<>(walked, true);
            }
            Set<P> holding = new HashSet<>(terms);
            return new IndexPlan<>(
                    () -> StreamSupport.stream(walked.spliterator(), false).filter(holding::contains).iterator(), true,
                    served);
        }
        return narrowing == null ? null : new IndexPlan<>(narrowing.positions(), false);
    }

    /**
     * The index keys of every document {@code query} may find, read from one sorted index
     * alone, when the index holds every field the filter reads and no document holds an
     * array in them; null when none does. The filter applied to them answers as it would
     * applied to the documents (each key holds a field's whole value, and a field the
     * document lacks is missing from its key too), so a count needs no document read: the
     * board listing's count of a 30,000-post board read every post through the index only
     * to check that it is live, which the index now says. Of several such indexes, the
     * one given most of its keys by equality.
     */
    static <P> Iterable<Document> covering(List<Index<P>> indexes, Document query) {
        FilterBounds conditions = null;
        Walk<P> narrowest = null;
        for (Index<P> index : indexes) {
            if (index instanceof SortedKeyIndex<P> sorted && sorted.usable() && readsOnly(query, fields(sorted))) {
                conditions = (conditions != null) ? conditions : FilterBounds.of(query);
                Walk<P> walk = Walk.of(sorted, conditions, null);
                if (narrowest == null || walk.equalKeys() > narrowest.equalKeys()) {
                    narrowest = walk;
                }
            }
        }
        return (narrowest != null) ? narrowest.keys() : null;
    }

    /** The index's fields, none of them a path into a subdocument (otherwise none). */
    private static Set<String> fields(SortedKeyIndex<?> index) {
        Set<String> fields = new HashSet<>();
        for (IndexKey key : index.getKeys()) {
            if (key.getKey().contains(".")) {
                return Set.of();
            }
            fields.add(key.getKey());
        }
        return fields;
    }

    /**
     * Whether {@code filter} reads no field but {@code fields}: its fields of the top
     * level are among them, within {@code $and}, {@code $or} and {@code $nor} too, and it
     * asks nothing of the whole document ({@code $expr}, {@code $where}, {@code $text}
     * and any other operator of the top level).
     */
    static boolean readsOnly(Document filter, Set<String> fields) {
        for (var clause : filter.entrySet()) {
            String field = clause.getKey();
            if (field.equals("$and") || field.equals("$or") || field.equals("$nor")) {
                if (!(clause.getValue() instanceof List<?> parts) || !parts.stream()
                    .allMatch(part -> part instanceof Document branch && readsOnly(branch, fields))) {
                    return false;
                }
            }
            else if (!fields.contains(field)) {
                return false;
            }
        }
        return true;
    }

    private static <P> IndexPlan<P> unique(List<Index<P>> indexes, FilterBounds conditions) {
        for (Index<P> index : indexes) {
            if (index.isUnique()
                    && index.getKeys().stream().allMatch(key -> conditions.equal().containsKey(key.getKey()))) {
                Document probe = new Document();
                index.getKeys().forEach(key -> probe.put(key.getKey(), conditions.equal().get(key.getKey())));
                if (index.canHandle(probe)) {
                    return new IndexPlan<>(index.getPositions(probe), false);
                }
            }
        }
        return null;
    }

    /** The documents the most selective term index holds for the filter, or null. */
    private static <P> Terms<P> terms(List<Index<P>> indexes, FilterBounds conditions) {
        Terms<P> fewest = null;
        for (Index<P> index : indexes) {
            if (index instanceof TermIndex<P> termIndex) {
                String field = index.getKeys().get(0).getKey();
                Terms<P> holding = null;
                if (conditions.equal().containsKey(field)) {
                    Object value = conditions.equal().get(field);
                    holding = new Terms<>(termIndex.holding(List.of(value), true),
                            TermCondition.of(field, "$eq", List.of(value)));
                }
                else if (conditions.all().containsKey(field)) {
                    List<Object> values = conditions.all().get(field);
                    holding = new Terms<>(termIndex.holding(values, true), TermCondition.of(field, "$all", values));
                }
                else if (conditions.any().containsKey(field)) {
                    List<Object> values = conditions.any().get(field);
                    holding = new Terms<>(termIndex.holding(values, false), TermCondition.of(field, "$in", values));
                }
                if (holding != null && (fewest == null || holding.positions().size() < fewest.positions().size())) {
                    fewest = holding;
                }
            }
        }
        return fewest;
    }

    /** What a term index found, and the condition it found it for (null if inexact). */
    private record Terms<P>(List<P> positions, TermCondition condition) {
    }

    /**
     * A condition a term index answers exactly: {@code $eq} or {@code $in} of strings on
     * a field of the top level (no path into subdocuments). A document is listed under a
     * string when the field is that string or an array holding it, which is what those
     * operators ask. Numbers, dates and the rest are left to the matcher, whose
     * comparisons an index key only approximates, and so is {@code $all}: MongoDB finds a
     * field that is the string itself, mongo-java-server's matcher only an array
     * (IndexedQueriesTests found it), and the store answers as mongo-java-server does.
     */
    record TermCondition(String field, String operator, List<Object> values) {

        static TermCondition of(String field, String operator, List<Object> values) {
            if (operator.equals("$all") || field.contains(".") || values.isEmpty()
                    || !values.stream().allMatch(String.class::isInstance)) {
                return null;
            }
            return new TermCondition(field, operator, values);
        }

        /**
         * {@code query} without this condition, where it stands as a condition of its
         * own: the field's clause at the top level, or a part of a top-level {@code $and}
         * that is that clause alone. A clause with more in it ({@code $in} and
         * {@code $nin}) stays whole.
         */
        Document without(Document query) {
            if (asks(query.get(this.field))) {
                Document left = query.clone();
                left.remove(this.field);
                return left;
            }
            if (query.get("$and") instanceof List<?> parts) {
                for (int i = 0; i < parts.size(); i++) {
                    if (parts.get(i) instanceof Document part && part.size() == 1 && asks(part.get(this.field))) {
                        List<Object> rest = new ArrayList<>(parts);
                        rest.remove(i);
                        Document left = query.clone();
                        if (rest.isEmpty()) {
                            left.remove("$and");
                        }
                        else {
                            left.put("$and", rest);
                        }
                        return left;
                    }
                }
            }
            return query;
        }

        private boolean asks(Object clause) {
            if (clause == null) {
                return false;
            }
            if (clause instanceof String value) {
                return this.operator.equals("$eq") && this.values.equals(List.of(value));
            }
            if (!(clause instanceof Document operators) || operators.size() != 1
                    || !operators.containsKey(this.operator)) {
                return false;
            }
            Object operand = operators.get(this.operator);
            return this.operator.equals("$eq") ? this.values.equals(List.of(operand))
                    : operand instanceof List<?> list && this.values.equals(list);
        }

    }

    /**
     * A walk of a sorted index: the keys given by equality, a range on the key after
     * them, and whether the walk yields the sort's order (forwards or backwards) or none
     * (null).
     */
    private record Walk<P>(SortedKeyIndex<P> index, Object[] prefix, Range range, Boolean backwards) {

        static <P> Walk<P> of(SortedKeyIndex<P> index, FilterBounds conditions, Document orderBy) {
            List<IndexKey> keys = index.getKeys();
            int equal = 0;
            while (equal < keys.size() && conditions.equal().containsKey(keys.get(equal).getKey())) {
                equal++;
            }
            Object[] prefix = new Object[equal];
            for (int i = 0; i < equal; i++) {
                prefix[i] = conditions.equal().get(keys.get(i).getKey());
            }
            Range range = equal < keys.size() ? conditions.ranges().get(keys.get(equal).getKey()) : null;
            if (range != null && range.low() == null && range.high() == null) {
                range = null;
            }
            return new Walk<>(index, prefix, range, direction(keys.subList(equal, keys.size()), orderBy));
        }

        /**
         * Whether {@code orderBy} is the index's next keys, all in their direction
         * (false) or all against it (true); null if it is not.
         */
        private static Boolean direction(List<IndexKey> keys, Document orderBy) {
            if (orderBy == null || orderBy.isEmpty() || orderBy.size() > keys.size()) {
                return null;
            }
            Boolean backwards = null;
            int i = 0;
            for (var order : orderBy.entrySet()) {
                if (!(order.getValue() instanceof Number direction) || !order.getKey().equals(keys.get(i).getKey())) {
                    return null;
                }
                boolean against = (direction.doubleValue() > 0) != keys.get(i++).isAscending();
                if (backwards != null && backwards != against) {
                    return null;
                }
                backwards = against;
            }
            return backwards;
        }

        int equalKeys() {
            return this.prefix.length;
        }

        boolean narrows() {
            return this.prefix.length > 0 || this.range != null;
        }

        Iterable<P> positions() {
            return this.index.walk(this.prefix, this.range, Boolean.TRUE.equals(this.backwards));
        }

        Iterable<Document> keys() {
            return this.index.keys(this.prefix, this.range);
        }

    }

}
