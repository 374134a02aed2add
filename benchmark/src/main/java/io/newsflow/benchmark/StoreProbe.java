package io.newsflow.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

/**
 * The stack's MongoDB seen as a plain client: counts of the served read models, and the
 * raw bulk-upsert baseline written with the same documents the services stored.
 */
final class StoreProbe implements AutoCloseable {

    static final String BASELINE_DATABASE = "newsflow_bench";

    private static final int BULK = 500;

    private final MongoClient client;

    StoreProbe(String uri) {
        this.client = MongoClients.create(uri);
    }

    /** The collection article-service serves now. */
    MongoCollection<Document> articles() {
        return served("articles", "articles");
    }

    /** The collection board-service serves now. */
    MongoCollection<Document> posts() {
        return served("boards", "posts");
    }

    /**
     * The indexes of the collection article-service serves, as {@code createIndexes}
     * specifications ({@code _id}'s left out, which every collection has).
     */
    List<Document> articleIndexes() {
        List<Document> indexes = new ArrayList<>();
        for (Document index : articles().listIndexes()) {
            if (!"_id_".equals(index.getString("name"))) {
                index.remove("v");
                index.remove("ns");
                indexes.add(index);
            }
        }
        return indexes;
    }

    long stored() {
        return articles().estimatedDocumentCount() + posts().estimatedDocumentCount();
    }

    /**
     * Upserts every stored article and post again, by {@code _id}, into collections of a
     * database of its own: one unordered bulk write of 500 documents after another, one
     * writer per collection as the services have, no search tokens to compute and no
     * version guard.
     * @return documents written per second
     */
    double rawBulkUpsert(List<String> articleIds, List<String> postIds) throws Exception {
        List<List<Document>> sources = List.of(read(articles(), articleIds), read(posts(), postIds));
        long total = sources.stream().mapToLong(List::size).sum();
        ExecutorService writers = Executors.newFixedThreadPool(sources.size());
        try {
            List<Callable<Void>> jobs = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                List<Document> documents = sources.get(i);
                MongoCollection<Document> target = this.client.getDatabase(BASELINE_DATABASE)
                    .getCollection(i == 0 ? "articles" : "posts");
                jobs.add(() -> {
                    upsertAll(target, documents);
                    return null;
                });
            }
            long started = System.nanoTime();
            for (Future<Void> job : writers.invokeAll(jobs)) {
                job.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        }
        finally {
            writers.shutdown();
            this.client.getDatabase(BASELINE_DATABASE).drop();
        }
    }

    private static void upsertAll(MongoCollection<Document> target, List<Document> documents) {
        ReplaceOptions upsert = new ReplaceOptions().upsert(true);
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        for (int from = 0; from < documents.size(); from += BULK) {
            List<WriteModel<Document>> writes = new ArrayList<>(BULK);
            for (Document document : documents.subList(from, Math.min(documents.size(), from + BULK))) {
                writes.add(new ReplaceOneModel<>(Filters.eq("_id", document.get("_id")), document, upsert));
            }
            target.bulkWrite(writes, unordered);
        }
    }

    /**
     * The documents of these ids, 500 ids a query: each answered from the {@code _id}
     * index at once, where one cursor over everything can outlive the embedded store's 45
     * s chunk retention ("Chunk not found") while the services write.
     */
    private static List<Document> read(MongoCollection<Document> collection, List<String> ids) {
        List<Document> documents = new ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BULK) {
            collection.find(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + BULK))))
                .batchSize(BULK)
                .into(documents);
        }
        return documents;
    }

    private MongoCollection<Document> served(String database, String model) {
        Document registered = this.client.getDatabase(database)
            .getCollection("readModels")
            .find(Filters.eq("_id", model))
            .first();
        String collection = registered == null ? model : registered.getString("active");
        return this.client.getDatabase(database).getCollection(collection);
    }

    @Override
    public void close() {
        this.client.close();
    }

}
