package io.newsflow.board.post;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.newsflow.board.BoardApplication;
import io.newsflow.contracts.PostBodyPublished;
import io.newsflow.contracts.PostBodyRemoved;
import io.newsflow.contracts.PostEvent;
import io.newsflow.contracts.PostListed;
import io.newsflow.contracts.PostRemoved;
import io.newsflow.contracts.Topics;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.ops.ReadModelRebuild;
import io.newsflow.projection.ops.RebuildEndpoint;
import io.newsflow.testsupport.EmbeddedInfrastructure;
import io.newsflow.testsupport.RawTopics;
import io.newsflow.testsupport.WithEmbeddedInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuild equals live: posts whose listing rows came after their full text, whose newer
 * listing rows lack fields the older ones had, whose body was revised, came before the
 * listing or was removed with the post, and one listed again after its removal. Once the
 * live model holds them, the topic is compacted for real (small segments, a low dirty
 * ratio), so only the newest record of every key is left; a rebuild from it must yield
 * every document the live model holds, field by field. (Records of one key are appended
 * in revision order, as one ingest stamps them; see docs/events.md for what keeps it so.)
 */
@SpringBootTest(
        properties = { "spring.config.name=" + BoardApplication.CONFIG_NAME, "newsflow.projection.rebuild-grace=2s" })
@WithEmbeddedInfrastructure
class RebuildAfterCompactionTests {

    private static final Duration WITHIN = Duration.ofSeconds(90);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Instant POSTED = Instant.parse("2024-08-06T00:41:00Z");

    /** Bookkeeping of the writer, not content: when a document was written. */
    private static final Set<String> WRITE_TIMES = Set.of("appliedAt", "removedAt");

    private final RawTopics topics = RawTopics.shared();

    @Autowired
    private RebuildEndpoint rebuild;

    @Autowired
    private ReadModel readModel;

    @Autowired
    private MongoTemplate mongo;

    @Test
    void aRebuildFromTheCompactedTopicYieldsEveryDocumentTheLiveModelHolds() throws Exception {
        String board = "compaction-" + UUID.randomUUID().toString().substring(0, 8);
        List<PostEvent> events = List.of(
                // 1: body first published with the post, then newer listing rows without
                // the author
                listed(board, 1, 1, "첫 글", "가", 3), body(board, 1, 1, "첫 글의 본문."),
                listed(board, 1, 3, "첫 글 (고침)", null, 7),
                // 2: removed after its body came
                listed(board, 2, 1, "지워질 글", "나", 0), body(board, 2, 2, "지워질 본문."), removed(board, 2, 5),
                bodyRemoved(board, 2, 5),
                // 3: the body before any listing row
                body(board, 3, 2, "먼저 온 본문."), listed(board, 3, 1, "나중에 온 행", "다", 2),
                // 4: the body revised, listing rows after each
                listed(board, 4, 1, "고친 글", "라", 0), body(board, 4, 1, "처음 본문."), listed(board, 4, 2, "고친 글", "라", 1),
                body(board, 4, 3, "고친 본문."), listed(board, 4, 4, "고친 글", "라", 2),
                // 5: a listing row only, repeated
                listed(board, 5, 1, "그냥 글", "마", 0), listed(board, 5, 1, "그냥 글", "마", 0),
                // 6: removed, then listed again (a crawler saw it again after its
                // removal)
                listed(board, 6, 1, "돌아온 글", "바", 0), body(board, 6, 1, "돌아온 글의 옛 본문."), removed(board, 6, 2),
                bodyRemoved(board, 6, 2), listed(board, 6, 3, "돌아온 글", "바", 4));
        for (PostEvent event : events) {
            this.topics.send(Topics.POSTS, event.recordKey(), JSON.writeValueAsString(event));
        }
        // the posts' keys and their bodies' keys lie on different partitions: the live
        // model is whole only once every key's newest event is applied
        Map<String, Long> newest = newestRevisions(events);
        await().atMost(WITHIN).until(() -> newest.equals(appliedRevisions(live(board))));
        Map<String, Document> live = withoutWriteTimes(live(board));

        compact(board, events.size());

        assertThat(this.rebuild.start().state()).isEqualTo(ReadModelRebuild.State.RUNNING);
        await().atMost(WITHIN).until(() -> this.rebuild.status().state() != ReadModelRebuild.State.RUNNING);
        assertThat(this.rebuild.status().state()).isEqualTo(ReadModelRebuild.State.SWITCHED);

        assertThat(withoutWriteTimes(live(board))).isEqualTo(live);
        assertThat(live.get(board + ":1").getString("body")).isEqualTo("첫 글의 본문.");
        assertThat(live.get(board + ":1").containsKey("author")).isFalse();
        assertThat(live.get(board + ":1").getInteger("commentCount")).isEqualTo(7);
        assertThat(live.get(board + ":2").containsKey("body")).isFalse();
        assertThat(live.get(board + ":3").getString("body")).isEqualTo("먼저 온 본문.");
        assertThat(live.get(board + ":4").getString("body")).isEqualTo("고친 본문.");
        assertThat(live.get(board + ":6").getBoolean("removed")).isFalse();
        assertThat(live.get(board + ":6").containsKey("body")).isFalse();
    }

    /**
     * Makes the broker compact the posts topic now: small segments, any dirt cleanable,
     * then rolls the segment holding the test's records by sending more; waits until only
     * the newest record of each of the test's keys is left.
     */
    private void compact(String board, int sent) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.shared().kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POSTS);
            // compacted as ingest creates it (in this test JVM the broker may have
            // created it on first use)
            admin
                .incrementalAlterConfigs(Map.of(topic, List.of(
                        new AlterConfigOp(new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("segment.ms", "100"), AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("min.cleanable.dirty.ratio", "0.01"),
                                AlterConfigOp.OpType.SET),
                        new AlterConfigOp(new ConfigEntry("min.compaction.lag.ms", "0"), AlterConfigOp.OpType.SET))))
                .all()
                .get(10, TimeUnit.SECONDS);
        }
        long distinctKeys = 6 + 5;
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(500)).until(() -> {
            this.topics.send(Topics.POSTS, "compaction-marker:1",
                    JSON.writeValueAsString(listed("compaction-marker", 1, System.nanoTime(), "표시", null, 0)));
            return this.topics.recordsOf(Topics.POSTS, key -> key.startsWith(board + ":")) == distinctKeys;
        });
        assertThat(sent).isGreaterThan((int) distinctKeys);
    }

    /**
     * The revision of each key's newest event, as the live model must show it: a post's
     * listing and removal events set its {@code revision}, its body's events its
     * {@code bodyRevision}.
     */
    private static Map<String, Long> newestRevisions(List<PostEvent> events) {
        Map<String, Long> newest = new TreeMap<>();
        for (PostEvent event : events) {
            newest.merge(revisionField(event), event.revision(), Math::max);
        }
        return newest;
    }

    private static String revisionField(PostEvent event) {
        boolean body = event instanceof PostBodyPublished || event instanceof PostBodyRemoved;
        return event.postKey() + (body ? "#bodyRevision" : "#revision");
    }

    private static Map<String, Long> appliedRevisions(Map<String, Document> documents) {
        Map<String, Long> applied = new TreeMap<>();
        documents.forEach((id, document) -> {
            for (String field : List.of("revision", "bodyRevision")) {
                Number revision = document.get(field, Number.class);
                if (revision != null && revision.longValue() > 0) {
                    applied.put(id + "#" + field, revision.longValue());
                }
            }
        });
        return applied;
    }

    private Map<String, Document> live(String board) {
        Map<String, Document> documents = new TreeMap<>();
        for (Document document : this.mongo.find(Query.query(Criteria.where("_id").regex("^" + board + ":")),
                Document.class, this.readModel.collection())) {
            documents.put(document.getString("_id"), document);
        }
        return documents;
    }

    private static Map<String, Document> withoutWriteTimes(Map<String, Document> documents) {
        Map<String, Document> stripped = new HashMap<>();
        documents.forEach((id, document) -> {
            Document copy = new Document(document);
            WRITE_TIMES.forEach(copy::remove);
            stripped.put(id, copy);
        });
        return stripped;
    }

    /**
     * Ingest derives an event's revision from the moment it accepted it: one revision,
     * one acceptance time.
     */
    private static Instant accepted(long revision) {
        return POSTED.plusSeconds(3600).plusMillis(revision);
    }

    private static PostListed listed(String board, long number, long revision, String title, String author,
            int comments) {
        return new PostListed(UUID.randomUUID().toString(), accepted(revision), 1, board, number, revision * 1000,
                "hash-" + title + author + comments, title, author, POSTED.plusSeconds(number), comments, null);
    }

    private static PostBodyPublished body(String board, long number, long revision, String body) {
        return new PostBodyPublished(UUID.randomUUID().toString(), accepted(revision), 1, board, number,
                revision * 1000, "hash-" + body, body);
    }

    private static PostBodyRemoved bodyRemoved(String board, long number, long revision) {
        return new PostBodyRemoved(UUID.randomUUID().toString(), accepted(revision), 1, board, number, revision * 1000);
    }

    private static PostRemoved removed(String board, long number, long revision) {
        return new PostRemoved(UUID.randomUUID().toString(), accepted(revision), 1, board, number, revision * 1000);
    }

}
