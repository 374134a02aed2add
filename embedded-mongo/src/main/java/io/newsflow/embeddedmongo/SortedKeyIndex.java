package io.newsflow.embeddedmongo;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A compound index kept in memory, in its keys' order (each field ascending or descending
 * as declared), as a MongoDB B-tree index is: {@link IndexPlan} walks the entries under
 * an equality prefix, within a range of the next field, forwards or backwards, so a
 * sorted page stops after the documents it returns instead of sorting the collection.
 * mongo-java-server keeps no secondary index (it accepts them and scans), which made
 * every listing of a 30,000-post board scan and sort the whole collection. It is built
 * again from the documents when the store opens.
 * <p>
 * While the keys of some document hold an array (multikey), the index is kept but not
 * used: a query then scans, as before; once no such document is left, it serves again.
 */
final class SortedKeyIndex<P> extends PlannedIndex<P> {

    /** The entries in index order (a set: the values are unused). */
    private volatile ConcurrentNavigableMap<Entry<P>, Boolean> entries;

    private final Map<Object, Entry<P>> byId = new ConcurrentHashMap<>();

    /**
     * Entries whose keys hold an array: while there is one, the index is multikey and
     * serves no query; it serves them again once they are gone.
     */
    private final AtomicInteger multikeyEntries = new AtomicInteger();

    SortedKeyIndex(String name, List<IndexKey> keys) {
        super(name, keys);
        this.entries = new ConcurrentSkipListMap<>(order(keys));
    }

    /** Whether the index may serve queries: no document holds an array in its keys. */
    boolean usable() {
        return this.multikeyEntries.get() == 0;
    }

    /**
     * The entries whose first {@code prefix.length} keys equal {@code prefix}, within the
     * bounds given on the next key, in index order or backwards.
     */
    Iterable<P> walk(Object[] prefix, FilterBounds.Range range, boolean backwards) {
        NavigableSet<Entry<P>> within = within(prefix, range);
        NavigableSet<Entry<P>> ordered = backwards ? within.descendingSet() : within;
        return () -> ordered.stream().map(Entry::position).iterator();
    }

    /**
     * The keys of the entries {@link #walk} yields, each as a document of the index's
     * fields holding the document's values (a field it lacks left out), in index order: a
     * filter that reads only those fields is answered from them as from the documents
     * themselves, since the values are whole (a key of the top level, not a path).
     */
    Iterable<Document> keys(Object[] prefix, FilterBounds.Range range) {
        NavigableSet<Entry<P>> within = within(prefix, range);
        List<IndexKey> fields = getKeys();
        return () -> within.stream().map(entry -> {
            Document keys = new Document();
            for (int i = 0; i < entry.key().length; i++) {
                if (!(entry.key()[i] instanceof Missing)) {
                    keys.put(fields.get(i).getKey(), entry.key()[i]);
                }
            }
            return keys;
        }).iterator();
    }

    private NavigableSet<Entry<P>> within(Object[] prefix, FilterBounds.Range range) {
        Entry<P> from = new Entry<>(prefix, null, -1);
        Entry<P> to = new Entry<>(prefix, null, 1);
        if (range != null) {
            boolean ascending = getKeys().get(prefix.length).isAscending();
            Entry<P> low = range.low() == null ? null : probe(prefix, range.low(), range.lowInclusive() ? -1 : 1);
            Entry<P> high = range.high() == null ? null : probe(prefix, range.high(), range.highInclusive() ? 1 : -1);
            // a descending key lists the range's high end first
            Entry<P> first = ascending ? low : flip(high);
            Entry<P> last = ascending ? high : flip(low);
            from = first != null ? first : from;
            to = last != null ? last : to;
        }
        ConcurrentNavigableMap<Entry<P>, Boolean> entries = this.entries;
        if (entries.comparator().compare(from, to) > 0) {
            return Collections.emptyNavigableSet();
        }
        return entries.navigableKeySet().subSet(from, true, to, true);
    }

    private static <P> Entry<P> probe(Object[] prefix, Object value, int bound) {
        Object[] key = Arrays.copyOf(prefix, prefix.length + 1);
        key[prefix.length] = value;
        return new Entry<>(key, null, bound);
    }

    /** The same probe seen from a descending key: before becomes after. */
    private static <P> Entry<P> flip(Entry<P> probe) {
        return probe == null ? null : new Entry<>(probe.key(), null, -probe.bound());
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        Entry<P> entry = entry(document, position);
        if (entry.multikey()) {
            this.multikeyEntries.incrementAndGet();
        }
        this.entries.put(entry, Boolean.TRUE);
        Entry<P> replaced = this.byId.put(document.get("_id"), entry);
        if (replaced != null) {
            // the document indexed again without a removal: its old entry goes
            this.entries.remove(replaced);
            if (replaced.multikey()) {
                this.multikeyEntries.decrementAndGet();
            }
        }
    }

    private Entry<P> entry(Document document, P position) {
        Object[] key = new Object[getKeys().size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = Utils.getSubdocumentValue(document, getKeys().get(i).getKey());
        }
        return new Entry<>(key, position, 0);
    }

    /**
     * Filling the empty index, the entries are collected, sorted (documents mostly come
     * in an order close to some index's, which the sort makes use of) and linked into the
     * skip list in one sweep, instead of one search and insertion each: inserting them
     * was most of the time the store took to open.
     */
    @Override
    Fill<P> fill(MongoCollection<P> collection) {
        if (!this.byId.isEmpty()) {
            return super.fill(collection);
        }
        List<Entry<P>> collected = new ArrayList<>();
        Set<Entry<P>> replaced = Collections.newSetFromMap(new IdentityHashMap<>());
        return new Fill<>() {

            @Override
            public void add(Document document, P position) {
                Entry<P> entry = entry(document, position);
                collected.add(entry);
                Entry<P> before = SortedKeyIndex.this.byId.put(document.get("_id"), entry);
                if (before != null) {
                    // the same document twice: only its last entry is kept, as add keeps
                    // it
                    replaced.add(before);
                }
            }

            @Override
            public void finish() {
                if (!replaced.isEmpty()) {
                    collected.removeIf(replaced::contains);
                }
                Comparator<? super Entry<P>> order = SortedKeyIndex.this.entries.comparator();
                collected.sort(order);
                SortedKeyIndex.this.entries = new ConcurrentSkipListMap<>(new SortedRun<>(collected, order));
                SortedKeyIndex.this.multikeyEntries.set((int) collected.stream().filter(Entry::multikey).count());
            }

        };
    }

    @Override
    public P remove(Document document) {
        Entry<P> entry = this.byId.remove(document.get("_id"));
        if (entry == null) {
            return null;
        }
        this.entries.remove(entry);
        if (entry.multikey()) {
            this.multikeyEntries.decrementAndGet();
        }
        return entry.position();
    }

    @Override
    public long getCount() {
        return this.byId.size();
    }

    @Override
    public boolean isEmpty() {
        return this.byId.isEmpty();
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        remove(oldDocument);
        add(newDocument, position, collection);
    }

    @Override
    public void drop() {
        this.entries.clear();
        this.byId.clear();
        this.multikeyEntries.set(0);
    }

    /**
     * Keys compared field by field as MongoDB orders values, each in its declared
     * direction, then positions. A probe (no position) holds a prefix of a key and sits
     * before ({@code bound} -1) or after (+1) every entry that starts with it.
     */
    private static <P> Comparator<Entry<P>> order(List<IndexKey> keys) {
        return (a, b) -> {
            int length = Math.min(a.key().length, b.key().length);
            for (int i = 0; i < length; i++) {
                int compared = compareValues(a.key()[i], b.key()[i]);
                if (compared != 0) {
                    return keys.get(i).isAscending() ? compared : -compared;
                }
            }
            if (a.position() == null || b.position() == null) {
                return Integer.compare(a.bound(), b.bound());
            }
            return compareValues(a.position(), b.position());
        };
    }

    /**
     * MongoDB's order of two values: strings, dates and whole numbers of one type
     * directly (most keys), anything else as mongo-java-server orders it, whose generic
     * comparison was most of the time an index took to build.
     */
    static int compareValues(Object a, Object b) {
        if (a instanceof String first && b instanceof String second) {
            return first.compareTo(second);
        }
        if (a instanceof Instant first && b instanceof Instant second) {
            return first.compareTo(second);
        }
        if ((a instanceof Integer || a instanceof Long) && (b instanceof Integer || b instanceof Long)) {
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        return ValueComparator.asc().compare(a, b);
    }

    /** An indexed document (bound 0), or a probe that bounds a walk. */
    record Entry<P>(Object[] key, P position, int bound) {

        /** Whether a key of the entry holds an array. */
        boolean multikey() {
            for (Object value : this.key) {
                if (value instanceof Collection) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Sorted entries as the {@link SortedMap} a skip list is built from in one sweep (its
     * copy constructor reads them in order; a run to build from, not a map to use).
     */
    private static final class SortedRun<K> extends AbstractMap<K, Boolean> implements SortedMap<K, Boolean> {

        private final List<K> keys;

        private final Comparator<? super K> order;

        SortedRun(List<K> keys, Comparator<? super K> order) {
            this.keys = keys;
            this.order = order;
        }

        @Override
        public Comparator<? super K> comparator() {
            return this.order;
        }

        @Override
        public Set<Map.Entry<K, Boolean>> entrySet() {
            return new AbstractSet<>() {

                @Override
                public Iterator<Map.Entry<K, Boolean>> iterator() {
                    Iterator<K> keys = SortedRun.this.keys.iterator();
                    return new Iterator<>() {

                        @Override
                        public boolean hasNext() {
                            return keys.hasNext();
                        }

                        @Override
                        public Map.Entry<K, Boolean> next() {
                            return new SimpleImmutableEntry<>(keys.next(), Boolean.TRUE);
                        }

                    };
                }

                @Override
                public int size() {
                    return SortedRun.this.keys.size();
                }

            };
        }

        @Override
        public K firstKey() {
            return this.keys.get(0);
        }

        @Override
        public K lastKey() {
            return this.keys.get(this.keys.size() - 1);
        }

        @Override
        public SortedMap<K, Boolean> subMap(K fromKey, K toKey) {
            throw new UnsupportedOperationException("a run to build from");
        }

        @Override
        public SortedMap<K, Boolean> headMap(K toKey) {
            throw new UnsupportedOperationException("a run to build from");
        }

        @Override
        public SortedMap<K, Boolean> tailMap(K fromKey) {
            throw new UnsupportedOperationException("a run to build from");
        }

    }

}
