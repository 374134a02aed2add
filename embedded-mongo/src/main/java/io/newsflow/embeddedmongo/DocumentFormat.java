package io.newsflow.embeddedmongo;

import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * How the file holds a collection's documents: as BSON ({@link BsonDocumentType}), which
 * the collection's meta map records. A collection of a file written before, whose
 * documents MVStore serialized with Java serialization, is converted when the file opens:
 * copied into a map of its own in steps of {@value #STEP} documents, each step committed
 * (so the copy never holds more than a step in memory), then put in the old map's place
 * in one commit. The store commits only when told, so a crash at any point leaves either
 * the old map and no mark (the copy, if any, is dropped and made again) or the converted
 * map and its mark.
 */
final class DocumentFormat {

    /** The key of the mark in a collection's meta map. */
    static final String MARK = "newsflow.documents";

    /** The mark's value: the collection's documents are BSON. */
    static final String BSON = "bson";

    /** Documents copied between two commits while converting. */
    static final int STEP = 2_000;

    private static final String COPY_PREFIX = "converting.";

    private static final System.Logger log = System.getLogger(DocumentFormat.class.getName());

    private DocumentFormat() {
    }

    /**
     * The documents map {@code name} of the collection whose meta map is {@code meta}, as
     * BSON, converted first if the file holds it in the older form.
     */
    static MVMap<Object, Document> open(MVStore store, String name, MVMap<String, Object> meta) {
        String copyName = COPY_PREFIX + name;
        if (BSON.equals(meta.get(MARK))) {
            return store.openMap(name, bson());
        }
        if (store.hasMap(copyName)) {
            // a conversion cut short by a crash: the old map is whole, the copy is not
            store.removeMap(copyName);
        }
        if (!store.hasMap(name)) {
            MVMap<Object, Document> created = store.openMap(name, bson());
            meta.put(MARK, BSON);
            return created;
        }
        MVMap<Object, Document> old = store.openMap(name);
        long started = System.nanoTime();
        log.log(System.Logger.Level.INFO, "converting {0} ({1} documents) to BSON, once", name, old.size());
        MVMap<Object, Document> copy = store.openMap(copyName, bson());
        int copied = 0;
        for (Map.Entry<Object, Document> entry : old.entrySet()) {
            copy.put(entry.getKey(), entry.getValue());
            if (++copied % STEP == 0) {
                store.commit();
            }
        }
        store.removeMap(old);
        store.renameMap(copy, name);
        meta.put(MARK, BSON);
        store.commit();
        log.log(System.Logger.Level.INFO, "converted {0} in {1} ms", name, (System.nanoTime() - started) / 1_000_000);
        return copy;
    }

    private static MVMap.Builder<Object, Document> bson() {
        return new MVMap.Builder<Object, Document>().valueType(new BsonDocumentType());
    }

}
