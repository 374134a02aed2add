package io.newsflow.peer;

import com.mongodb.kafka.connect.sink.converter.SinkDocument;
import com.mongodb.kafka.connect.sink.processor.id.strategy.IdStrategy;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The document id of an article event: its {@code articleId}, the id article-service keys
 * its documents by (the record key is the same id; the value is where a write model reads
 * it from).
 */
public class ArticleIdStrategy implements IdStrategy {

    @Override
    public BsonValue generateId(SinkDocument document, SinkRecord record) {
        BsonDocument value = document.getValueDoc()
            .orElseThrow(() -> new DataException("an article event has a value"));
        BsonValue id = value.get("articleId");
        if (id == null || !id.isString() || id.asString().getValue().isBlank()) {
            throw new DataException("an article event names its articleId");
        }
        return id;
    }

}
