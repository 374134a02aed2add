package io.newsflow.embeddedmongo;

import java.util.Map;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * How the file holds a collection's documents, as BSON ({@link BsonBytesType}), and the
 * keys of its unique indexes, as BSON too ({@link UniqueKeyType}), which the collection's
 * meta map records. A map of a file written before, whose documents or keys MVStore
 * serialized with Java serialization, is converted when the file opens: copied into a map
 * of its own in steps of {@value #STEP} entries, each step committed (so the copy never
 * holds more than a step in memory), then put in the old map's place in one commit. The
 * store commits only when told, so a crash at any point leaves either the old map and no
 * mark (the copy, if any, is dropped and made again) or the converted map and its mark.
 */
final class DocumentFormat {

    /** The key of the mark in a collection's meta map. */
    static final String MARK = "newsflow.documents";

    /**
     * The start of the mark of a unique index's map in its collection's meta map, the
     * map's name after it.
     */
    static final String KEYS_MARK_PREFIX = "newsflow.keys.";

    /** The mark's value: the collection's documents (or the index's keys) are BSON. */
    static final String BSON = "bson";

    /** Entries copied between two commits while converting. */
    static final int STEP = 2_000;

    private static final String COPY_PREFIX = "converting.";

    private static final System.Logger log = System.getLogger(DocumentFormat.class.getName());

    private DocumentFormat() {
    }

    /**
     * The documents map {@code name} of the collection whose meta map is {@code meta}, as
     * BSON, converted first if the file holds it in the older form.
     */
    static MVMap<Object, byte[]> open(MVStore store, String name, MVMap<String, Object> meta) {
        return open(store, name, meta, MARK, bson(),
                (copy, key, value) -> copy.put(key, BsonBytesType.encode((Document) value)));
    }

    /**
     * The map {@code name} of a unique index of the collection whose meta map is
     * {@code meta}, its keys {@link UniqueKeyType}s, converted first if the file holds it
     * in the older form (keys as Java serialization, in the order of their bytes).
     */
    static MVMap<KeyValue, Object> openUniqueKeys(MVStore store, String name, MVMap<String, Object> meta) {
        return open(store, name, meta, KEYS_MARK_PREFIX + name,
                new MVMap.Builder<KeyValue, Object>().keyType(new UniqueKeyType()),
                (copy, key, value) -> copy.put((KeyValue) key, value));
    }

    /** How one entry of the older map is put into its converted copy. */
    private interface Conversion<K, V> {

        void copy(MVMap<K, V> copy, Object key, Object value);

    }

    private static <K, V> MVMap<K, V> open(MVStore store, String name, MVMap<String, Object> meta, String mark,
            MVMap.Builder<K, V> form, Conversion<K, V> conversion) {
        String copyName = COPY_PREFIX + name;
        if (BSON.equals(meta.get(mark))) {
            return store.openMap(name, form);
        }
        if (store.hasMap(copyName)) {
            // a conversion cut short by a crash: the old map is whole, the copy is not
            store.removeMap(copyName);
        }
        if (!store.hasMap(name)) {
            MVMap<K, V> created = store.openMap(name, form);
            meta.put(mark, BSON);
            return created;
        }
        MVMap<Object, Object> old = store.openMap(name);
        long started = System.nanoTime();
        log.log(System.Logger.Level.INFO, "converting {0} ({1} entries) to BSON, once", name, old.size());
        MVMap<K, V> copy = store.openMap(copyName, form);
        int copied = 0;
        for (Map.Entry<Object, Object> entry : old.entrySet()) {
            conversion.copy(copy, entry.getKey(), entry.getValue());
            if (++copied % STEP == 0) {
                store.commit();
            }
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        meta.put(mark, BSON);
        store.commit();
        log.log(System.Logger.Level.INFO, "converted {0} in {1} ms", name, (System.nanoTime() - started) / 1_000_000);
        return copy;
    }

    private static MVMap.Builder<Object, byte[]> bson() {
        return new MVMap.Builder<Object, byte[]>().valueType(new BsonBytesType());
    }

}
