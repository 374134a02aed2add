package io.newsflow.peer;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.kafka.connect.sink.converter.SinkDocument;
import com.mongodb.kafka.connect.sink.writemodel.strategy.WriteModelStrategy;
import org.apache.kafka.connect.errors.DataException;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Keeps the newer revision, as article-service's version guard does: an upsert that
 * replaces the stored document only when it holds an older {@code revision}. When the
 * stored one is as new or newer the filter matches nothing, the upsert's insert collides
 * on {@code _id} (E11000) and nothing changes; the connector reports that record as a
 * failed write (with {@code mongo.errors.tolerance=data} and unordered bulk writes the
 * rest of the batch is written).
 */
public class NewerRevisionStrategy implements WriteModelStrategy {

    private static final ReplaceOptions UPSERT = new ReplaceOptions().upsert(true);

    @Override
    public WriteModel<BsonDocument> createWriteModel(SinkDocument document) {
        BsonDocument value = document.getValueDoc()
            .orElseThrow(() -> new DataException("the value document was missing"));
        BsonValue id = value.get("_id");
        BsonValue revision = value.get(ArticleDocuments.REVISION);
        if (id == null || revision == null || !revision.isNumber()) {
            throw new DataException("an article document has an _id and a numeric revision");
        }
        return new ReplaceOneModel<>(
                Filters.and(Filters.eq("_id", id), Filters.lt(ArticleDocuments.REVISION, revision)), value, UPSERT);
    }

}
