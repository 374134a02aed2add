package io.newsflow.projection.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.projection.Change;
import io.newsflow.projection.Projection;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.RawTopics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The switch of a rebuild, with two instances of a read model on one store: an instance
 * that does not notice the switch before the old collection is dropped loses none of its
 * writes, and a switch that fails after the registry recorded it leaves every instance
 * serving the new collection, never a dropped one.
 */
class FencedSwitchTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MongoClient client = MongoClients.create(EmbeddedInfrastructure.shared().mongoUri());

    private final MongoTemplate mongo = new MongoTemplate(this.client, "fenced-switch-" + UUID.randomUUID());

    private final String topic = "things-" + UUID.randomUUID();

    @AfterEach
    void close() {
        this.mongo.getDb().drop();
        this.client.close();
    }

    @Test
    void aWriteOfAnInstanceThatMissedTheSwitchLandsInTheServedCollection() {
        publish(new Thing("t1", 1, "첫째"), new Thing("t2", 1, "둘째"));
        ReadModel first = new ReadModel(this.mongo, "things", List.of());
        ReadModel second = new ReadModel(this.mongo, "things", List.of());
        ProjectionWriter<Thing> firstWriter = writer(first);
        ProjectionWriter<Thing> secondWriter = writer(second);
        firstWriter.write(List.of(new Thing("t1", 1, "첫째"), new Thing("t2", 1, "둘째")));

        ReadModelRebuild<Thing> rebuild = rebuild(firstWriter);
        rebuild.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);
        assertThat(rebuild.status().state()).isEqualTo(ReadModelRebuild.State.SWITCHED);
        String served = first.collection();
        assertThat(served).isNotEqualTo("things");
        assertThat(this.mongo.collectionExists("things")).as("the old collection is dropped").isFalse();

        // the second instance never refreshed: it still writes to "things", then
        // confirms, and follows
        assertThat(second.collection()).isEqualTo("things");
        secondWriter.write(List.of(new Thing("t3", 1, "전환 뒤에 쓴 것")));

        assertThat(second.collection()).isEqualTo(served);
        assertThat(this.mongo.findById("t3", Document.class, served)).isNotNull();
        assertThat(this.mongo.findById("t1", Document.class, served)).isNotNull();
    }

    @Test
    void aSwitchThatFailsAfterTheRegistryRecordedItKeepsTheNewCollectionServedAndNeverDropsIt() {
        publish(new Thing("t1", 1, "첫째"));
        ReadModel model = new ReadModel(this.mongo, "things", List.of()) {
            @Override
            public String switchTo(String collection) {
                super.switchTo(collection);
                throw new IllegalStateException("the answer to the switch was lost");
            }
        };
        ReadModel other = new ReadModel(this.mongo, "things", List.of());
        ProjectionWriter<Thing> writer = writer(model);
        writer.write(List.of(new Thing("t1", 1, "첫째")));

        ReadModelRebuild<Thing> rebuild = rebuild(writer);
        String shadow = rebuild.start().shadow();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);

        assertThat(model.registered()).isEqualTo(shadow);
        assertThat(model.collection()).isEqualTo(shadow);
        assertThat(this.mongo.collectionExists(shadow)).isTrue();
        assertThat(this.mongo.findById("t1", Document.class, shadow)).isNotNull();
        other.refresh();
        assertThat(other.collection()).isEqualTo(shadow);
    }

    private void publish(Thing... things) {
        for (Thing thing : things) {
            RawTopics.shared().send(this.topic, thing.id(), JSON.writeValueAsString(thing));
        }
    }

    private ProjectionWriter<Thing> writer(ReadModel model) {
        return new ProjectionWriter<>(this.mongo, model, new ThingProjection(), Clock.systemUTC());
    }

    @Test
    void aSecondRebuildInTheSameInstantGetsACollectionOfItsOwnAndDropsNothingServed() {
        publish(new Thing("t1", 1, "첫째"), new Thing("t2", 1, "둘째"));
        ReadModel model = new ReadModel(this.mongo, "things", List.of());
        ProjectionWriter<Thing> writer = writer(model);
        writer.write(List.of(new Thing("t1", 1, "첫째"), new Thing("t2", 1, "둘째")));
        Clock stopped = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

        List<String> served = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ReadModelRebuild<Thing> rebuild = rebuild(writer, stopped);
            rebuild.start();
            await().atMost(Duration.ofSeconds(60))
                .until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);
            assertThat(rebuild.status().state()).isEqualTo(ReadModelRebuild.State.SWITCHED);
            served.add(model.collection());
        }

        assertThat(served).doesNotHaveDuplicates();
        assertThat(this.mongo.count(new Query(), served.get(1))).isEqualTo(2);
    }

    /**
     * The rebuild builds a batch while the store writes the one before; the switch waits
     * for the last write, so the shadow holds every record read when it is served.
     */
    @Test
    void theShadowIsServedOnlyOnceTheStoreHasWrittenEveryBatchRead() {
        List<Thing> things = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            things.add(new Thing("t" + i, 1, i + "번째"));
        }
        publish(things.toArray(Thing[]::new));
        List<Long> heldAtSwitch = new ArrayList<>();
        ReadModel model = new ReadModel(this.mongo, "things", List.of()) {
            @Override
            public String switchTo(String collection) {
                heldAtSwitch.add(FencedSwitchTests.this.mongo.count(new Query(), collection));
                return super.switchTo(collection);
            }
        };
        ProjectionWriter<Thing> slow = slowWriter(model);

        ReadModelRebuild<Thing> rebuild = rebuild(slow, Clock.systemUTC(), 1);
        rebuild.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);

        assertThat(rebuild.status().state()).isEqualTo(ReadModelRebuild.State.SWITCHED);
        assertThat(heldAtSwitch).containsExactly(6L);
    }

    /**
     * A rebuild that fails while the store still writes its last batch lets that write
     * finish before it drops its shadow: an insert landing after the drop would create
     * the collection again, left behind and never served.
     */
    @Test
    void aRebuildThatFailsWhileABatchIsWrittenLeavesNoShadowBehind() throws Exception {
        publish(new Thing("t1", 1, "첫째"), new Thing("t2", 1, "둘째"), new Thing("t3", 1, Thing.UNREADABLE));
        ReadModel model = new ReadModel(this.mongo, "things", List.of());
        ReadModelRebuild<Thing> rebuild = rebuild(slowWriter(model), Clock.systemUTC(), 1);

        String shadow = rebuild.start().shadow();
        await().atMost(Duration.ofSeconds(60)).until(() -> rebuild.status().state() != ReadModelRebuild.State.RUNNING);
        assertThat(rebuild.status().state()).isEqualTo(ReadModelRebuild.State.FAILED);
        Thread.sleep(SLOW_WRITE.toMillis() * 2);

        assertThat(this.mongo.collectionExists(shadow)).isFalse();
        assertThat(model.collection()).isEqualTo("things");
    }

    private static final Duration SLOW_WRITE = Duration.ofMillis(400);

    /** A writer on a store that takes a while for every batch. */
    private ProjectionWriter<Thing> slowWriter(ReadModel model) {
        return new ProjectionWriter<>(this.mongo, model, new ThingProjection(), Clock.systemUTC()) {
            @Override
            public io.newsflow.projection.Outcome write(Prepared prepared, String collection) {
                try {
                    Thread.sleep(SLOW_WRITE.toMillis());
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return super.write(prepared, collection);
            }
        };
    }

    private ReadModelRebuild<Thing> rebuild(ProjectionWriter<Thing> writer) {
        return rebuild(writer, Clock.systemUTC());
    }

    private ReadModelRebuild<Thing> rebuild(ProjectionWriter<Thing> writer, Clock clock) {
        return rebuild(writer, clock, 500);
    }

    private ReadModelRebuild<Thing> rebuild(ProjectionWriter<Thing> writer, Clock clock, int recordsPerPoll) {
        JacksonJsonDeserializer<Thing> values = new JacksonJsonDeserializer<>(Thing.class);
        values.setUseTypeHeaders(false);
        DefaultKafkaConsumerFactory<String, Thing> consumers = new DefaultKafkaConsumerFactory<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        recordsPerPoll),
                new StringDeserializer(), values);
        return new ReadModelRebuild<>(this.topic, writer, consumers, PausableListener::new, this.mongo, clock,
                Duration.ofSeconds(1));
    }

    record Thing(String id, long revision, String title) {

        /**
         * A title the projection cannot read: not a poison event, a failure of the code.
         */
        static final String UNREADABLE = "읽을 수 없음";

    }

    private static final class ThingProjection implements Projection<Thing> {

        @Override
        public Change change(Thing event) {
            if (Thing.UNREADABLE.equals(event.title())) {
                throw new IllegalStateException("the projection failed on " + event.id());
            }
            return new Change.Replace(event.id(), event.revision(), event.title(),
                    new Document("title", event.title()));
        }

        @Override
        public List<String> contentFields() {
            return List.of("title");
        }

        @Override
        public Instant acceptedAt(Thing event) {
            return Instant.EPOCH;
        }

        @Override
        public void validate(String key, Thing event) {
        }

    }

    /**
     * The live listener of the instance that rebuilds: it only has to pause and resume.
     */
    private static final class PausableListener implements MessageListenerContainer {

        private volatile boolean paused;

        @Override
        public void pause() {
            this.paused = true;
        }

        @Override
        public void resume() {
            this.paused = false;
        }

        @Override
        public boolean isPauseRequested() {
            return this.paused;
        }

        @Override
        public boolean isContainerPaused() {
            return this.paused;
        }

        @Override
        public void setupMessageListener(Object listener) {
        }

        @Override
        public Map<String, Map<MetricName, ? extends org.apache.kafka.common.Metric>> metrics() {
            return Map.of();
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public void destroy() {
        }

    }

}
