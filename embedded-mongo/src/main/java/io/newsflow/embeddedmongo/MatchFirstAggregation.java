package io.newsflow.embeddedmongo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.InMemoryCursor;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An aggregation that starts with {@code $match} runs that stage as a query, through the
 * collection's indexes, and the rest of the pipeline over what it found, as MongoDB does.
 * mongo-java-server runs every stage over the whole collection, so a count
 * ({@code countDocuments} is an aggregation) of one board's posts read every post stored.
 * The answer comes in batches as MongoDB's does: the first of {@code cursor.batchSize}
 * documents (101 when the command names none), the rest from a cursor the client reads
 * with {@code getMore}, so a large result never becomes one reply.
 */
final class MatchFirstAggregation {

    /**
     * A collection of the store's own, which answers the match of a count (stages that
     * read no field of what it finds, {@link #readsNoField}) with one document for each
     * it finds, holding only what the filter reads: index keys where one index holds them
     * all (nothing is read from the documents), otherwise the documents.
     */
    interface Counted {

        /** One document for each {@code filter} finds, under the shared lock. */
        List<Document> counted(Document filter);

        /**
         * The index keys {@code filter} matches (as the collection's matcher tells) where
         * one of {@code indexes} holds every field it reads, otherwise what
         * {@code documents} finds.
         */
        static <P> List<Document> answer(List<Index<P>> indexes, Document filter,
                BiPredicate<Document, Document> matches, Supplier<Iterable<Document>> documents) {
            Iterable<Document> keys = IndexPlan.covering(indexes, filter);
            List<Document> matching = new ArrayList<>();
            for (Document found : (keys != null) ? keys : documents.get()) {
                if (keys == null || matches.test(found, filter)) {
                    matching.add(found);
                }
            }
            return matching;
        }

    }

    /** MongoDB's first batch when the command names no size. */
    static final int DEFAULT_BATCH_SIZE = 101;

    private MatchFirstAggregation() {
    }

    /**
     * The answer to {@code command}, or null when it is not an aggregation this runs
     * (another command, a pipeline that does not start with {@code $match}, an
     * {@code $expr} that may read the pipeline's variables, an explain).
     */
    static Document answer(AbstractMongoDatabase<?> database, CursorRegistry cursors, String command, Document query,
            DatabaseResolver resolver, Oplog oplog) {
        if (!command.equalsIgnoreCase("aggregate") || !(query.get(command) instanceof String collectionName)
                || query.containsKey("explain")) {
            return null;
        }
        List<Document> pipeline = Aggregation.parse(query.get("pipeline"));
        if (pipeline.isEmpty() || pipeline.get(0).size() != 1
                || !(pipeline.get(0).get("$match") instanceof Document match) || readsVariables(match)) {
            return null;
        }
        MongoCollection<?> collection = database.resolveCollection(collectionName, false);
        if (collection == null) {
            return null;
        }
        Aggregation rest = Aggregation.fromPipeline(pipeline.subList(1, pipeline.size()), resolver, database,
                collection, oplog);
        rest.validate(query);
        // the stages run over the stored documents under the collection's shared lock,
        // and what they answer is copied before it is let go (a count copies one
        // document, not the 30,000 it counted)
        List<Document> stages = pipeline.subList(1, pipeline.size());
        Supplier<List<Document>> run = () -> rest
            .runStages((collection instanceof Counted counted && readsNoField(stages)) ? counted.counted(match).stream()
                    : collection.handleQueryAsStream(match));
        List<Document> results = collection instanceof CollectionLock.Locked locked
                ? locked.lock().readingInPlace(() -> copies(run.get())) : run.get();
        int batchSize = batchSize(query);
        long cursorId = 0L;
        List<Document> first = results;
        if (results.size() > batchSize) {
            first = new ArrayList<>(results.subList(0, batchSize));
            InMemoryCursor remaining = new InMemoryCursor(cursors.generateCursorId(),
                    new ArrayList<>(results.subList(batchSize, results.size())));
            cursors.add(remaining);
            cursorId = remaining.getId();
        }
        Document cursor = new Document("id", cursorId).append("ns", database.getDatabaseName() + "." + collectionName)
            .append("firstBatch", first);
        Document answer = new Document("cursor", cursor);
        Utils.markOkay(answer);
        return answer;
    }

    /**
     * Copies, whole, of what the stages answered: a stage may hand a stored document on
     * ({@code $match} alone, {@code $sort}) or put it in another ({@code $push} of
     * {@code $$ROOT}).
     */
    private static List<Document> copies(List<Document> results) {
        List<Document> copies = new ArrayList<>(results.size());
        results.forEach(result -> copies.add(result.cloneDeeply()));
        return copies;
    }

    /**
     * Whether {@code stages} read no field of the documents the match finds: a count
     * ({@code countDocuments} is a {@code $group} of a constant key summing a constant,
     * after an optional {@code $skip} and {@code $limit}; or {@code $count}), whatever
     * follows it, since it sees only the count. The match is then answered by
     * {@link Counted#counted}: from an index's keys where one holds every field the
     * filter reads, otherwise (the file's collection) from the documents decoded with
     * only those fields.
     */
    static boolean readsNoField(List<Document> stages) {
        for (Document stage : stages) {
            if (stage.size() != 1) {
                return false;
            }
            String name = stage.keySet().iterator().next();
            Object specification = stage.get(name);
            switch (name) {
                case "$skip", "$limit" -> {
                    // passes the documents on as they are
                }
                case "$count" -> {
                    return true;
                }
                case "$group" -> {
                    return specification instanceof Document group && constantGroup(group);
                }
                default -> {
                    return false;
                }
            }
        }
        return false;
    }

    private static boolean constantGroup(Document group) {
        for (Map.Entry<String, Object> field : group.entrySet()) {
            if (field.getKey().equals("_id")) {
                if (!constant(field.getValue())) {
                    return false;
                }
            }
            else if (!(field.getValue() instanceof Document accumulator) || accumulator.size() != 1
                    || !(accumulator.values().iterator().next() instanceof Number)) {
                return false;
            }
        }
        return true;
    }

    private static boolean constant(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean
                || (value instanceof String text && !text.startsWith("$"));
    }

    /** The first batch's size the command asks for ({@code cursor: {batchSize}}). */
    private static int batchSize(Document query) {
        if (query.get("cursor") instanceof Document cursor && cursor.get("batchSize") instanceof Number size
                && size.intValue() >= 0) {
            return size.intValue();
        }
        return DEFAULT_BATCH_SIZE;
    }

    private static boolean readsVariables(Object filter) {
        if (filter instanceof Map<?, ?> document) {
            return document.entrySet()
                .stream()
                .anyMatch(entry -> "$expr".equals(entry.getKey()) || readsVariables(entry.getValue()));
        }
        if (filter instanceof List<?> values) {
            return values.stream().anyMatch(MatchFirstAggregation::readsVariables);
        }
        return false;
    }

}
