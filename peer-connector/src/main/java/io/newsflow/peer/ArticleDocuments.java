package io.newsflow.peer;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoClientSettings;
import com.mongodb.kafka.connect.sink.MongoSinkTopicConfig;
import com.mongodb.kafka.connect.sink.converter.SinkDocument;
import com.mongodb.kafka.connect.sink.processor.PostProcessor;
import io.newsflow.article.story.Fingerprint;
import io.newsflow.projection.search.KoreanTokens;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.Document;

/**
 * Turns an article event (the topic's JSON, as the connector's converter read it) into
 * the document article-service stores for it: the article's fields, the publish and
 * accept times as dates, the Nori search tokens of head and whole text and the story
 * fingerprint, computed by the classes article-service uses ({@link KoreanTokens},
 * {@link Fingerprint}); a removal becomes a tombstone holding only its revision. Runs
 * after the connector's {@code DocumentIdAdder}, which set {@code _id}.
 */
public class ArticleDocuments extends PostProcessor {

    static final String REVISION = "revision";

    private static final List<String> COPIED = List.of("url", "title", "subtitles", "paragraphs", "outlet", "author",
            "section", "tags", "language");

    public ArticleDocuments(MongoSinkTopicConfig config) {
        super(config);
    }

    @Override
    public void process(SinkDocument document, SinkRecord record) {
        BsonDocument value = document.getValueDoc()
            .orElseThrow(() -> new DataException("an article event has a value"));
        BsonDocument stored = stored(value);
        // the connector's lazy value document ignores clear(): its fields are removed one
        // by one
        new ArrayList<>(value.keySet()).forEach(value::remove);
        value.putAll(stored);
    }

    private static BsonDocument stored(BsonDocument event) {
        BsonValue revision = event.get(REVISION);
        if (revision == null || !revision.isNumber() || revision.asNumber().longValue() <= 0) {
            throw new DataException("an article event has a positive revision");
        }
        BsonDateTime now = new BsonDateTime(System.currentTimeMillis());
        BsonDocument stored = new BsonDocument("_id", event.get("_id")).append("appliedAt", now)
            .append(REVISION, new BsonInt64(revision.asNumber().longValue()));
        String type = string(event, "type");
        if ("ArticleRemoved".equals(type)) {
            return stored.append("removed", BsonBoolean.TRUE).append("removedAt", now);
        }
        if (!"ArticlePublished".equals(type)) {
            throw new DataException("not an article event: " + type);
        }
        return published(event, stored);
    }

    private static BsonDocument published(BsonDocument event, BsonDocument stored) {
        String title = string(event, "title");
        BsonValue occurredAt = date(event, "occurredAt");
        if (title == null || title.isBlank() || string(event, "contentHash") == null || occurredAt == null) {
            throw new DataException("an ArticlePublished needs title, contentHash and occurredAt");
        }
        stored.append("removed", BsonBoolean.FALSE).append("contentHash", event.get("contentHash"));
        for (String field : COPIED) {
            putPresent(stored, field, event.get(field));
        }
        stored.append("captions", captions(event));
        BsonValue publishedAt = date(event, "publishedAt");
        stored.append("publishedAt", publishedAt != null ? publishedAt : occurredAt);
        putPresent(stored, "post", post(event));
        stored.append("acceptedAt", occurredAt);
        search(event, stored);
        return stored;
    }

    /**
     * The tokens of head and whole text, and the body's fingerprint, as article-service.
     */
    private static void search(BsonDocument event, BsonDocument stored) {
        List<String> paragraphs = strings(event, "paragraphs");
        List<String> head = new ArrayList<>();
        head.add(string(event, "title"));
        head.addAll(strings(event, "subtitles"));
        List<String> body = new ArrayList<>(paragraphs);
        for (BsonValue caption : stored.getArray("captions")) {
            BsonValue text = caption.asDocument().get("text");
            body.add(text.isString() ? text.asString().getValue() : null);
        }
        List<String> headTokens = KoreanTokens.of(head);
        Set<String> tokens = new LinkedHashSet<>(headTokens);
        tokens.addAll(KoreanTokens.of(body));
        stored.append("headTokens", stringArray(headTokens)).append("tokens", stringArray(tokens));
        Fingerprint fingerprint = Fingerprint.of(paragraphs);
        if (fingerprint != null) {
            stored.putAll(
                    fingerprint.fields().toBsonDocument(Document.class, MongoClientSettings.getDefaultCodecRegistry()));
        }
    }

    private static BsonArray captions(BsonDocument event) {
        BsonArray captions = new BsonArray();
        for (BsonValue caption : array(event, "captions")) {
            if (!caption.isDocument()) {
                throw new DataException("a caption is an object of text and credit");
            }
            BsonDocument given = caption.asDocument();
            captions.add(new BsonDocument("text", given.get("text", BsonNull.VALUE)).append("credit",
                    given.get("credit", BsonNull.VALUE)));
        }
        return captions;
    }

    /** The board post the article is the body of, its number as a long, or null. */
    private static BsonValue post(BsonDocument event) {
        BsonValue post = event.get("post");
        if (post == null || !post.isDocument()) {
            return null;
        }
        BsonValue number = post.asDocument().get("number");
        return new BsonDocument("board", post.asDocument().get("board", BsonNull.VALUE)).append("number",
                number != null && number.isNumber() ? new BsonInt64(number.asNumber().longValue()) : BsonNull.VALUE);
    }

    private static void putPresent(BsonDocument stored, String field, BsonValue value) {
        if (value != null && !value.isNull()) {
            stored.append(field, value);
        }
    }

    private static String string(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value != null && value.isString() ? value.asString().getValue() : null;
    }

    private static List<BsonValue> array(BsonDocument document, String field) {
        BsonValue value = document.get(field);
        return value != null && value.isArray() ? value.asArray().getValues() : List.of();
    }

    private static List<String> strings(BsonDocument document, String field) {
        List<String> strings = new ArrayList<>();
        for (BsonValue value : array(document, field)) {
            if (value.isString()) {
                strings.add(value.asString().getValue());
            }
        }
        return strings;
    }

    private static BsonArray stringArray(Iterable<String> values) {
        BsonArray array = new BsonArray();
        values.forEach(value -> array.add(new BsonString(value)));
        return array;
    }

    /** An ISO-8601 instant of the event as a date, or null when it has none. */
    private static BsonValue date(BsonDocument document, String field) {
        String text = string(document, field);
        if (text == null) {
            return null;
        }
        try {
            return new BsonDateTime(Instant.parse(text).toEpochMilli());
        }
        catch (DateTimeParseException ex) {
            throw new DataException(field + " is not an ISO-8601 instant: " + text);
        }
    }

}
