package io.newsflow.embeddedmongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Set;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

/**
 * The documents of a collection as BSON, in the file and in memory: the encoding they
 * arrive in and leave in, with mongo-java-server's own codec of its wire protocol.
 * MVStore's default type stores them with Java serialization: a stream with the class
 * descriptions of a document, its maps, lists and dates per document, which was the
 * largest part of the store's CPU for each write and of the time it took to open.
 * <p>
 * A page of the map holds each document as its encoded bytes, not as a decoded
 * {@link Document}: MVStore decodes every value of a leaf page it reads, so a lookup by
 * id whose page was not cached decoded all the documents beside it (some 230 KB of
 * objects for one 7 KB article), and the page cache, counted in bytes, held a third as
 * many documents as it does as bytes. A document is encoded once, when it is written (by
 * the writer, not by the commit, which holds every writer off), and decoded only when a
 * command reads it, each time into a document of its own.
 * <p>
 * A value is one BSON document, whose first four bytes hold its length (little-endian),
 * so it needs no length of its own; the file format is the one this type had when it kept
 * decoded documents.
 */
final class BsonBytesType extends BasicDataType<byte[]> {

    /**
     * Each writing thread's buffer to encode into: a document is encoded whole before it
     * is copied out.
     */
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    /** The buffer a thread keeps after an unusually large document: 1 MB at most. */
    private static final int KEPT_CAPACITY = 1 << 20;

    /** An array's header and reference in the page. */
    private static final int ARRAY_MEMORY = 24;

    private static final byte TERMINATOR = 0;

    /** The smallest BSON document: its length and its terminating zero. */
    private static final int SMALLEST = 5;

    /** The stored form of {@code document}. */
    static byte[] encode(Document document) {
        ByteBuf encoding = ENCODING.get();
        encoding.clear();
        BsonEncoder.encodeDocument(document, encoding);
        byte[] bytes = new byte[encoding.readableBytes()];
        encoding.getBytes(encoding.readerIndex(), bytes);
        if (encoding.capacity() > KEPT_CAPACITY) {
            ENCODING.remove();
        }
        return bytes;
    }

    /** A document of its own decoded from {@code bytes}, or null for none. */
    static Document decode(byte[] bytes) {
        return bytes != null ? BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bytes)) : null;
    }

    /**
     * A document of its own decoded from {@code bytes} without its top-level fields named
     * in {@code omitted}, whose bytes are stepped over, or null for none.
     */
    static Document decode(byte[] bytes, Set<String> omitted) {
        if (bytes == null || omitted.isEmpty()) {
            return decode(bytes);
        }
        return decode(bytes, (Predicate<String>) name -> !omitted.contains(name));
    }

    /**
     * A document of its own decoded from {@code bytes} with only its top-level fields
     * named in {@code kept}, the others' bytes stepped over.
     */
    static Document decodeOnly(byte[] bytes, Set<String> kept) {
        return decode(bytes, (Predicate<String>) kept::contains);
    }

    private static Document decode(byte[] bytes, Predicate<String> wanted) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        buffer.skipBytes(Integer.BYTES);
        Document document = new Document();
        while (buffer.isReadable()) {
            byte type = buffer.readByte();
            if (type == TERMINATOR) {
                return document;
            }
            String name = BsonDecoder.decodeCString(buffer);
            if (wanted.test(name)) {
                document.put(name, BsonDecoder.decodeValue(type, buffer));
            }
            else if (!stepOver(type, buffer)) {
                BsonDecoder.decodeValue(type, buffer);
            }
        }
        throw new IllegalStateException("not a BSON document of the store: no terminating byte");
    }

    /**
     * Moves {@code buffer} past a value of {@code type} without decoding it; false for a
     * type whose length it does not know (the caller decodes it).
     */
    private static boolean stepOver(byte type, ByteBuf buffer) {
        switch (type) {
            case 0x06, 0x0A, 0x7F, -1 -> {
                // undefined, null, max key, min key: no bytes
            }
            case 0x08 -> buffer.skipBytes(1);
            case 0x10 -> buffer.skipBytes(4);
            case 0x01, 0x09, 0x11, 0x12 -> buffer.skipBytes(8);
            case 0x07 -> buffer.skipBytes(12);
            case 0x13 -> buffer.skipBytes(16);
            // string, JavaScript: length, then the bytes and their zero
            case 0x02, 0x0D -> buffer.skipBytes(buffer.readIntLE());
            // document, array: a length that counts its own four bytes
            case 0x03, 0x04 -> buffer.skipBytes(buffer.readIntLE() - Integer.BYTES);
            // binary: length, subtype, bytes
            case 0x05 -> buffer.skipBytes(buffer.readIntLE() + 1);
            default -> {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getMemory(byte[] bytes) {
        return bytes.length + ARRAY_MEMORY;
    }

    @Override
    public void write(WriteBuffer buffer, byte[] bytes) {
        buffer.put(bytes);
    }

    @Override
    public byte[] read(ByteBuffer buffer) {
        int start = buffer.position();
        int length = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start);
        if (length < SMALLEST || length > buffer.remaining()) {
            throw new IllegalStateException("not a BSON document of the store: length " + length + " at " + start
                    + " with " + buffer.remaining() + " bytes left");
        }
        byte[] bytes = new byte[length];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public byte[][] createStorage(int size) {
        return new byte[size][];
    }

}
