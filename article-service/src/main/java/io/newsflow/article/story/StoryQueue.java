package io.newsflow.article.story;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.newsflow.projection.ReadModel;
import io.newsflow.projection.WriteListener;
import org.bson.Document;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The articles whose story must be worked out again, kept in the store beside them: the
 * article writer adds the ids of every write before the batch's offsets move on, so a
 * crash between a write and its regrouping loses nothing. Each entry carries a mark that
 * changes with every new write, and an entry is removed only with the mark it was taken
 * with, so an article written again while it was being grouped stays queued. Only writes
 * to the collection this instance serves are queued: a rebuild's shadow is worked out
 * whole once it is served ({@link StoryMaintenance} queues every article of a collection
 * it has not grouped yet), so queueing its writes as well would only group each article
 * twice, once against the collection being replaced.
 */
@Component
class StoryQueue implements WriteListener {

    static final String COLLECTION = "storyQueue";

    private static final String MARK = "mark";

    private final MongoTemplate mongo;

    private final ReadModel articles;

    StoryQueue(MongoTemplate mongo, ReadModel articles) {
        this.mongo = mongo;
        this.articles = articles;
    }

    /**
     * A write to the served collection. A write that lands in a collection just switched
     * to while this instance still named the old one is queued either way: the fenced
     * writer confirms the collection after each write and writes again to the one the
     * registry names, which this instance then serves.
     */
    @Override
    public void written(String collection, Set<String> ids) {
        if (collection.equals(this.articles.collection())) {
            add(ids);
        }
    }

    void add(Set<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        for (String id : ids) {
            bulk.upsert(Query.query(Criteria.where("_id").is(id)), new Update().set(MARK, new ObjectId()));
        }
        bulk.execute();
    }

    /** Up to {@code limit} queued ids with their marks. */
    Map<String, Object> take(int limit) {
        Query query = new Query().limit(limit);
        Map<String, Object> taken = new LinkedHashMap<>();
        for (Document entry : this.mongo.find(query, Document.class, COLLECTION)) {
            taken.put(entry.getString("_id"), entry.get(MARK));
        }
        return taken;
    }

    /** Removes the entries taken, unless they were marked again meanwhile. */
    void done(Map<String, Object> taken) {
        if (taken.isEmpty()) {
            return;
        }
        BulkOperations bulk = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        taken.forEach((id, mark) -> bulk.remove(Query.query(Criteria.where("_id").is(id).and(MARK).is(mark))));
        bulk.execute();
    }

    long size() {
        return this.mongo.getCollection(COLLECTION).estimatedDocumentCount();
    }

}
