package io.newsflow.embeddedmongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The documents of a collection in the file as BSON, the encoding they arrive in and
 * leave in, with mongo-java-server's own codec of its wire protocol. MVStore's default
 * type stores them with Java serialization: a stream with the class descriptions of a
 * document, its maps, lists and dates per document, which was the largest part of the
 * store's CPU for each write and of the time it took to open.
 * <p>
 * A value is one BSON document, whose first four bytes hold its length (little-endian),
 * so it needs no length of its own.
 */
final class BsonDocumentType extends BasicDataType<Document> {

    /**
     * Each writing thread's buffer to encode into: a document is encoded whole before it
     * is copied into the page.
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** The buffer a thread keeps after an unusually large document: 1 MB at most. */
    private static final int KEPT_CAPACITY = 1 << 20;

    /** A document field's entry, key and boxed value in the heap, beyond its bytes. */
    private static final int FIELD_MEMORY = 80;

    /**
     * A document's memory as MVStore accounts it (for its page cache and page sizes), a
     * running average over the documents of one map (each map has a type of its own, as
     * with MVStore's default type, whose estimate is twice the serialized size): twice
     * the encoded size and the top-level fields' entries, without encoding again to ask.
     */
    private volatile int averageMemory = 2048;

    @Override
    public int getMemory(Document document) {
        return this.averageMemory;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf encoding = ENCODING.get();
        encoding.clear();
        BsonEncoder.encodeDocument(document, encoding);
        int length = encoding.readableBytes();
        buffer.put(encoding.array(), encoding.arrayOffset() + encoding.readerIndex(), length);
        observe(length, document);
        if (encoding.capacity() > KEPT_CAPACITY) {
            ENCODING.remove();
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int start = buffer.position();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        if (length < 5 || length > buffer.remaining()) {
            throw new IllegalStateException("not a BSON document of the store: length " + length + " at " + start
                    + " with " + buffer.remaining() + " bytes left");
        }
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
        buffer.position(start + length);
        observe(length, document);
        return document;
    }

    private void observe(int length, Document document) {
        int memory = 2 * length + FIELD_MEMORY * document.size();
        this.averageMemory = (memory + 15 * this.averageMemory) / 16;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }

}
