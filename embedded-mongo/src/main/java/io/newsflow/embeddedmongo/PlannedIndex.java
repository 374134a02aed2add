package io.newsflow.embeddedmongo;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index of the store's own, read by {@link IndexPlan} only: it accepts every
 * document, answers no position lookup (the {@code _id} index does), and never offers
 * itself to mongo-java-server's planner, which would not use its order.
 */
abstract class PlannedIndex<P> extends Index<P> {

    PlannedIndex(String name, List<IndexKey> keys) {
        super(name, keys, false);
    }

    /**
     * The store's index for a non-unique {@code keys}: posting lists for one field,
     * sorted keys for several; null for a sparse one, left to the backend.
     */
    static <P> PlannedIndex<P> of(String name, List<IndexKey> keys, boolean sparse) {
        if (sparse) {
            return null;
        }
        return keys.size() == 1 ? new TermIndex<>(name, keys) : new SortedKeyIndex<>(name, keys);
    }

    /**
     * A fill of this empty index with every document of its collection, in one pass: the
     * documents are handed to {@link Fill#add} one by one, and the index holds them once
     * {@link Fill#finish} returns. By default each is added as a write adds it; an index
     * that builds faster from all its entries at once collects them instead.
     */
    Fill<P> fill(MongoCollection<P> collection) {
        return new Fill<>() {

            @Override
            public void add(Document document, P position) {
                PlannedIndex.this.add(document, position, collection);
            }

            @Override
            public void finish() {
            }

        };
    }

    /** One fill of an index from its collection's documents ({@link #fill}). */
    interface Fill<P> {

        void add(Document document, P position);

        void finish();

    }

    @Override
    public final P getPosition(Document document) {
        return null;
    }

    @Override
    public final void checkAdd(Document document, MongoCollection<P> collection) {
        // not unique: every document is accepted
    }

    @Override
    public final void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        // not unique: every update is accepted
    }

    @Override
    public final boolean canHandle(Document query) {
        return false;
    }

    @Override
    public final Iterable<P> getPositions(Document query) {
        throw new UnsupportedOperationException("IndexPlan reads " + getName());
    }

    @Override
    public long getDataSize() {
        return 0;
    }

}
