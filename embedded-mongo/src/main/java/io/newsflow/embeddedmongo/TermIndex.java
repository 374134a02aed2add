package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A single-field index kept in memory as posting lists: for each value of the field (each
 * element when it holds an array, as MongoDB's multikey indexes do) the documents holding
 * it, as ascending numbers. {@link IndexPlan} asks it for the documents that hold one
 * value, all of several ({@code $all}) or any of several ({@code $in}); the search tokens
 * of 50,000 articles take a few bytes per token this way, where entries of a sorted set
 * would take a hundred, and a term one document holds takes its key and a slot
 * ({@link TermTable}). The numbers of removed documents are used again
 * ({@link #renumber()}).
 */
final class TermIndex<P> extends PlannedIndex<P> {

    /** Removed documents' numbers tolerated before the others are renumbered. */
    static final int RENUMBER_AT = 1024;

    private final String field;

    private final TermTable postings = new TermTable();

    private final Map<Object, Indexed<P>> byId = new HashMap<>();

    /** The position of each document number; null once the document is gone. */
    private List<P> positions = new ArrayList<>();

    /** Numbers of removed documents, not yet renumbered away. */
    private int unused;

    TermIndex(String name, List<IndexKey> keys) {
        super(name, keys);
        this.field = keys.get(0).getKey();
    }

    /**
     * The documents that hold every one of {@code terms} ({@code all}) or any of them, in
     * the order they were first indexed.
     */
    synchronized List<P> holding(Collection<?> terms, boolean all) {
        List<Integer> slots = new ArrayList<>();
        for (Object term : terms) {
            int slot = this.postings.find(normalize(term));
            if (slot >= 0) {
                slots.add(slot);
            }
            else if (all) {
                return List.of();
            }
        }
        BitSet found = new BitSet();
        if (all && !slots.isEmpty()) {
            slots.sort(Comparator.comparingInt(this.postings::size));
            int shortest = slots.get(0);
            for (int i = 0; i < this.postings.size(shortest); i++) {
                int number = this.postings.at(shortest, i);
                if (slots.stream().skip(1).allMatch(slot -> this.postings.contains(slot, number))) {
                    found.set(number);
                }
            }
        }
        else {
            slots.forEach(slot -> this.postings.addTo(slot, found));
        }
        List<P> holding = new ArrayList<>(found.cardinality());
        found.stream().mapToObj(this.positions::get).filter(Objects::nonNull).forEach(holding::add);
        return holding;
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        int number = this.positions.size();
        this.positions.add(position);
        terms(document).forEach(term -> this.postings.add(term, number));
        this.byId.put(document.get("_id"), new Indexed<>(number, position));
    }

    /**
     * Removes the document as the collection stored it: its terms are those it was listed
     * under, so they are not kept here as well.
     */
    @Override
    public synchronized P remove(Document document) {
        Indexed<P> indexed = this.byId.remove(document.get("_id"));
        if (indexed == null) {
            return null;
        }
        terms(document).forEach(term -> this.postings.remove(term, indexed.number()));
        this.positions.set(indexed.number(), null);
        if (++this.unused > RENUMBER_AT && this.unused > this.byId.size()) {
            renumber();
        }
        return indexed.position();
    }

    /**
     * Numbers the documents left 0, 1, 2 … in the order they had, so the numbers of
     * removed documents are used again: a collection whose documents come and go (a
     * queue, a rebuild's shadow) would otherwise grow this index's numbers, and the bit
     * sets of every lookup, without end. The order is kept, so lookups answer in the
     * order they did.
     */
    private void renumber() {
        int[] renumbered = new int[this.positions.size()];
        List<P> kept = new ArrayList<>(this.byId.size());
        for (int number = 0; number < renumbered.length; number++) {
            P position = this.positions.get(number);
            renumbered[number] = position == null ? -1 : kept.size();
            if (position != null) {
                kept.add(position);
            }
        }
        this.postings.renumber(renumbered);
        this.byId.replaceAll((id, indexed) -> new Indexed<>(renumbered[indexed.number()], indexed.position()));
        this.positions = kept;
        this.unused = 0;
    }

    /** How many document numbers are in use, removed ones not yet renumbered included. */
    synchronized int numbers() {
        return this.positions.size();
    }

    @Override
    public synchronized long getCount() {
        return this.byId.size();
    }

    /** Moves the document between the lists its terms changed, keeping its number. */
    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        Indexed<P> indexed = this.byId.get(oldDocument.get("_id"));
        if (indexed == null) {
            add(newDocument, position, collection);
            return;
        }
        Set<Object> before = terms(oldDocument);
        Set<Object> after = terms(newDocument);
        before.stream()
            .filter(term -> !after.contains(term))
            .forEach(term -> this.postings.remove(term, indexed.number()));
        after.stream()
            .filter(term -> !before.contains(term))
            .forEach(term -> this.postings.add(term, indexed.number()));
        this.positions.set(indexed.number(), position);
        this.byId.put(newDocument.get("_id"), new Indexed<>(indexed.number(), position));
    }

    @Override
    public synchronized void drop() {
        this.postings.clear();
        this.byId.clear();
        this.positions.clear();
        this.unused = 0;
    }

    private Set<Object> terms(Document document) {
        Object value = Utils.getSubdocumentValueCollectionAware(document, this.field);
        Set<Object> terms = new HashSet<>();
        if (value instanceof Collection<?> values) {
            values.stream()
                .filter(term -> !Missing.isNullOrMissing(term))
                .map(TermIndex::normalize)
                .forEach(terms::add);
        }
        else if (!Missing.isNullOrMissing(value)) {
            terms.add(normalize(value));
        }
        return terms;
    }

    /**
     * One key for values MongoDB finds equal: numbers by their value, whatever their
     * type.
     */
    static Object normalize(Object value) {
        if (value instanceof Long number && number != (long) number.doubleValue()) {
            return number;
        }
        if (value instanceof Number number) {
            double normal = number.doubleValue();
            return normal == -0.0 ? 0.0 : normal;
        }
        return value;
    }

    private record Indexed<P>(int number, P position) {
    }

}
