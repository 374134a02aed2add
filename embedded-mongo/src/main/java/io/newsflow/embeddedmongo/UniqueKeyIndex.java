package io.newsflow.embeddedmongo;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the file (the {@code _id} index of each collection, and any unique
 * index a service creates): mongo-java-server's {@code H2UniqueIndex}, whose constructor
 * is not open to other packages, over a map whose keys are {@link UniqueKeyType}s.
 */
final class UniqueKeyIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> positions;

    UniqueKeyIndex(MVMap<KeyValue, Object> positions, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.positions = positions;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return this.positions.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return this.positions.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return this.positions.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return this.positions.get(key);
    }

    @Override
    public long getCount() {
        return this.positions.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return this.positions.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

}
