package io.newsflow.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.client.MongoClient;
import io.newsflow.testsupport.Figures;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 1: article-service and board-service are killed with SIGKILL while at least
 * 50,000 events flow, then started again. Every acknowledged event is stored, with the
 * title it was acknowledged with (articles and posts alike), and nothing else is: the
 * counts per collection equal what was acknowledged (ids are unique, so that is once).
 */
class CrashConsumersScenarioTests {

    private static final int BATCH = 500;

    @Test
    void everyAcknowledgedEventIsStoredExactlyOnceAfterTheConsumersCrash() throws Exception {
        int events = Integer.getInteger("newsflow.reliability.events", 50_000);
        try (ProcessCluster cluster = ProcessCluster.start("crash-consumers")) {
            Map<String, String> acknowledged = new HashMap<>();
            int batches = events / BATCH;
            long started = System.nanoTime();
            for (int batch = 0; batch < batches; batch++) {
                if (batch == batches * 2 / 5) {
                    cluster.service("article-service").kill();
                    cluster.service("board-service").kill();
                }
                if (batch == batches * 3 / 5) {
                    cluster.service("article-service").start();
                    cluster.service("board-service").start();
                }
                ScenarioWrites.Batch writes = ScenarioWrites.batch(batch, BATCH, "crash", "사건");
                int[] answer = cluster.post(writes.path(), writes.json(), Duration.ofSeconds(30));
                assertThat(answer[0]).isEqualTo(202);
                acknowledged.putAll(writes.titles());
            }
            cluster.service("article-service").awaitReady();
            cluster.service("board-service").awaitReady();

            try (MongoClient mongo = cluster.mongoClient()) {
                var articles = mongo.getDatabase("articles").getCollection("articles");
                var posts = mongo.getDatabase("boards").getCollection("posts");
                long expectedArticles = acknowledged.keySet().stream().filter(k -> k.startsWith("url:")).count();
                long expectedPosts = acknowledged.size() - expectedArticles;
                await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> articles.countDocuments() >= expectedArticles
                            && posts.countDocuments() >= expectedPosts);
                // every document, by what it was acknowledged as: a post by its key, an
                // article by the URL it was sent with (its id is derived from it)
                Set<String> stored = new HashSet<>();
                long wrong = 0;
                long unexpected = 0;
                for (var collection : List.of(posts, articles)) {
                    for (Document document : collection.find()) {
                        String id = ScenarioWrites.idOf(document);
                        String expected = acknowledged.get(id);
                        unexpected += expected == null ? 1 : 0;
                        wrong += expected != null && !expected.equals(document.getString("title")) ? 1 : 0;
                        stored.add(id);
                    }
                }
                long lost = acknowledged.keySet().stream().filter(id -> !stored.contains(id)).count();
                long storedArticles = articles.countDocuments();
                long storedPosts = posts.countDocuments();
                Figures.print(String.format(
                        "crash-consumers: acknowledged=%d stored=%d lost=%d unexpected=%d wrong=%d seconds=%.1f",
                        acknowledged.size(), storedArticles + storedPosts, lost, unexpected, wrong,
                        (System.nanoTime() - started) / 1e9));
                assertThat(lost).isZero();
                assertThat(unexpected).isZero();
                assertThat(storedArticles).isEqualTo(expectedArticles);
                assertThat(storedPosts).isEqualTo(expectedPosts);
                assertThat(wrong).isZero();
            }
        }
    }

}
