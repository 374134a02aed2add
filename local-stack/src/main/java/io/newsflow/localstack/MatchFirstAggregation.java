package io.newsflow.localstack;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.aggregation.Aggregation;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;

/**
 * An aggregation that starts with {@code $match} runs that stage as a query, through the
 * collection's indexes, and the rest of the pipeline over what it found, as MongoDB does.
 * mongo-java-server runs every stage over the whole collection, so a count
 * ({@code countDocuments} is an aggregation) of one board's posts read every post stored.
 */
final class MatchFirstAggregation {

    private MatchFirstAggregation() {
    }

    /**
     * The answer to {@code command}, or null when it is not an aggregation this runs
     * (another command, a pipeline that does not start with {@code $match}, an
     * {@code $expr} that may read the pipeline's variables, an explain).
     */
    static Document answer(AbstractMongoDatabase<?> database, String command, Document query, DatabaseResolver resolver,
            Oplog oplog) {
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
        List<Document> results = rest.runStages(collection.handleQueryAsStream(match));
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + collectionName)
            .append("firstBatch", results);
        Document answer = new Document("cursor", cursor);
        Utils.markOkay(answer);
        return answer;
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
