package io.newsflow.projection;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.EstimatedDocumentCountOptions;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;

/**
 * The read model's position in its topic, kept in the read model's own store, written
 * after each batch's documents and read when partitions are assigned, as Kafka Connect
 * sink connectors keep theirs. The offsets committed to Kafka can run ahead of what the
 * store made durable (a store that keeps a prefix of its writes through a crash, such as
 * the embedded one, may lose its last ones); these cannot, since the store writes them
 * after the documents. On assignment the consumer seeks to them and applies again what
 * the store may have lost; the version guard makes the repeats harmless. Kafka's
 * committed offsets stay the fallback for a partition the store holds no position of, and
 * what the lag gauges read. A store that holds neither a position nor a document (a new
 * or emptied database, or a store kept in memory) is filled from the start of the topic:
 * the compacted topic is the system of record, and a rebuild yields what the live path
 * holds.
 */
public class StoredOffsets implements ConsumerAwareRebalanceListener {

    static final String COLLECTION = "readModelOffsets";

    private static final Logger log = LoggerFactory.getLogger(StoredOffsets.class);

    private final MongoTemplate mongo;

    private final String readModel;

    private final ReadModel model;

    private final String topic;

    public StoredOffsets(MongoTemplate mongo, ReadModel model, String readModel, String topic) {
        this.mongo = mongo;
        this.model = model;
        this.readModel = readModel;
        this.topic = topic;
    }

    /**
     * Records the next offset to read of each partition; called once the batch's
     * documents are written.
     */
    public void store(Map<Integer, Long> nextOffsets) {
        if (nextOffsets.isEmpty()) {
            return;
        }
        var bulk = this.mongo.bulkOps(BulkMode.UNORDERED, COLLECTION);
        nextOffsets.forEach((partition, offset) -> bulk.upsert(Query.query(Criteria.where("_id").is(id(partition))),
                new Update().set("readModel", this.readModel)
                    .set("topic", this.topic)
                    .set("partition", partition)
                    .set("offset", offset)));
        bulk.execute();
    }

    /** The next offset to read of each partition the store holds a position of. */
    public Map<Integer, Long> load() {
        Map<Integer, Long> offsets = new HashMap<>();
        Query query = Query.query(Criteria.where("readModel").is(this.readModel).and("topic").is(this.topic));
        for (Document stored : this.mongo.find(query, Document.class, COLLECTION)) {
            offsets.put(stored.getInteger("partition"), stored.get("offset", Number.class).longValue());
        }
        return offsets;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        Map<Integer, Long> stored = load();
        List<TopicPartition> ours = partitions.stream()
            .filter(partition -> partition.topic().equals(this.topic))
            .toList();
        if (stored.isEmpty() && !ours.isEmpty() && isEmpty()) {
            consumer.seekToBeginning(ours);
            log.info("{} holds nothing yet: reading {} from the start of the topic", this.readModel, ours);
            return;
        }
        for (TopicPartition partition : ours) {
            Long offset = stored.get(partition.partition());
            if (offset != null) {
                consumer.seek(partition, offset);
                log.info("{} resumes {} at offset {} (the position its store holds)", this.readModel, partition,
                        offset);
            }
        }
    }

    /**
     * Whether the served collection holds no document, not even a tombstone: a count from
     * the collection's metadata, bounded in time as every read is.
     */
    private boolean isEmpty() {
        return this.mongo.getCollection(this.model.collection())
            .estimatedDocumentCount(new EstimatedDocumentCountOptions().maxTime(3, TimeUnit.SECONDS)) == 0;
    }

    private String id(int partition) {
        return this.readModel + "|" + this.topic + "|" + partition;
    }

}
