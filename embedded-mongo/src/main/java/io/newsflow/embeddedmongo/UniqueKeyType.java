package io.newsflow.embeddedmongo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The keys of a unique index in the file ({@link UniqueKeyIndex}): each key's values as
 * one BSON document {@code {k: [values]}}, in the order MongoDB gives its values
 * (mongo-java-server's {@link ValueComparator}). MVStore's default type orders an object
 * it has no type for, such as mongo-java-server's {@link KeyValue}, by its Java
 * serialization: each comparison of a search through the {@code _id} index serialized
 * both keys, which was a third of the store's CPU for a lookup by id, and each key read
 * from the file was deserialized.
 * <p>
 * The keys are the index's normalized ones (numbers as doubles, a missing value as null),
 * so two keys compare equal exactly when MongoDB holds them the same key.
 */
final class UniqueKeyType extends BasicDataType<KeyValue> {

    /** The form of a key's document in a page, a stored document's. */
    private static final BsonBytesType DOCUMENTS = new BsonBytesType();

    private static final String VALUES = "k";

    /** A key's list and its entries in the heap, beyond its values' own. */
    private static final int KEY_MEMORY = 64;

    private static final int VALUE_MEMORY = 32;

    private static final ValueComparator ORDER = ValueComparator.ascWithoutListHandling();

    @Override
    public int compare(KeyValue a, KeyValue b) {
        int shared = Math.min(a.size(), b.size());
        for (int i = 0; i < shared; i++) {
            int compared = ORDER.compare(a.get(i), b.get(i));
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    @Override
    public int getMemory(KeyValue key) {
        int memory = KEY_MEMORY;
        for (Object value : key) {
            memory += VALUE_MEMORY + ((value instanceof String text) ? 2 * text.length() : 0);
        }
        return memory;
    }

    @Override
    public void write(WriteBuffer buffer, KeyValue key) {
        List<Object> values = new ArrayList<>(key.size());
        key.forEach(values::add);
        DOCUMENTS.write(buffer, BsonBytesType.encode(new Document(VALUES, values)));
    }

    @Override
    public KeyValue read(ByteBuffer buffer) {
        return new KeyValue((List<?>) BsonBytesType.decode(DOCUMENTS.read(buffer)).get(VALUES));
    }

    @Override
    public KeyValue[] createStorage(int size) {
        return new KeyValue[size];
    }

}
