package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.bson.Document;

/**
 * What a collection's commands hold instead of mongo-java-server's one monitor per
 * collection ({@code AbstractSynchronizedMongoCollection}), which runs every query and
 * write of a collection one after another: a lookup by id waited behind every page, story
 * candidate read and write in the queue before it (seconds at the benchmark's load). Here
 * reads run beside each other under the shared lock and a write runs alone under the
 * exclusive one, so a read still sees each write whole (its document and every index
 * entry), as the monitor made it. Writes go on holding the monitor too (they run
 * mongo-java-server's synchronized code), always after this lock, so the two are taken in
 * one order only.
 * <p>
 * A write that reads on its way (an update finds its documents) takes the shared lock
 * within the exclusive one, which a {@link ReentrantReadWriteLock} allows. Its default,
 * non-fair order still keeps writes from starving: a new read waits behind a write that
 * is first in the queue.
 */
final class CollectionLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    <T> T reading(Supplier<T> read) {
        this.lock.readLock().lock();
        try {
            return read.get();
        }
        finally {
            this.lock.readLock().unlock();
        }
    }

    /**
     * A read whose answer is made here, from the documents it finds, by a caller that
     * copies what it keeps (a count keeps nothing, an aggregation copies its output): the
     * queries within it answer the stored documents themselves, not copies, since a count
     * of a 30,000-post board copied every post it counted. It holds the shared lock
     * twice, and a query that sees it held more than once by its thread answers in place.
     */
    <T> T readingInPlace(Supplier<T> read) {
        this.lock.readLock().lock();
        try {
            return reading(read);
        }
        finally {
            this.lock.readLock().unlock();
        }
    }

    <T> T writing(Supplier<T> write) {
        this.lock.writeLock().lock();
        try {
            return write.get();
        }
        finally {
            this.lock.writeLock().unlock();
        }
    }

    void writing(Runnable write) {
        writing(() -> {
            write.run();
            return null;
        });
    }

    /**
     * What a query answers: copies of the stored documents, taken while the shared lock
     * is held. mongo-java-server updates a stored document in place, and a reply is
     * written after the command has let go of the collection, so a reply that held the
     * stored documents could carry a document half of one write and half of the next (a
     * read model's revision with another revision's fields). A top-level copy is enough:
     * an update puts new values in, it never changes a value it replaces. Within a write
     * (an update finding its documents) they stay the stored ones, which the update
     * changes, and so they do within {@link #readingInPlace}, whose caller copies what it
     * answers. The file's collections need none of this: each document they hand out is
     * decoded from its stored bytes for that command alone.
     */
    List<Document> snapshot(List<Document> found) {
        if (this.lock.isWriteLockedByCurrentThread() || this.lock.getReadHoldCount() > 1) {
            return found;
        }
        List<Document> copies = new ArrayList<>(found.size());
        for (Document document : found) {
            copies.add(document.clone());
        }
        return copies;
    }

    /** The lock itself, for tests that hold it as a command would. */
    ReadWriteLock lock() {
        return this.lock;
    }

    /** A collection whose commands hold a {@link CollectionLock}: the store's own. */
    interface Locked {

        CollectionLock lock();

    }

    /**
     * The filter and the sort of a query, as {@code AbstractMongoCollection.handleQuery}
     * reads them (a legacy {@code query}/{@code $query} wrapper, or the filter alone):
     * the collections run that method's body themselves, since the inherited one is
     * synchronized.
     */
    record Selector(Document filter, Document orderBy) {

        static Selector of(QueryParameters parameters) {
            Document selector = parameters.getQuerySelector();
            if (selector.containsKey("query")) {
                return new Selector((Document) selector.get("query"), (Document) selector.get("orderby"));
            }
            if (selector.containsKey("$query")) {
                return new Selector((Document) selector.get("$query"), (Document) selector.get("$orderby"));
            }
            return new Selector(selector, null);
        }

    }

}
