package io.newsflow.reliability;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import io.newsflow.testsupport.Figures;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 4: two instances of each consumer service on six partitions; one instance of
 * each stops and starts again (two rebalances) while every post is revised several times.
 * Nothing is lost and every post ends at its last revision: the events of one entity were
 * applied in order.
 */
class ScaleOutScenarioTests {

    private static final int POSTS = 2_000;

    private static final int REVISIONS = 5;

    @Test
    void noPostIsLostAndEveryPostEndsAtItsLastRevisionAcrossRebalances() throws Exception {
        try (ProcessCluster cluster = ProcessCluster.start("scale-out", 6, 2)) {
            Map<String, String> last = new HashMap<>();
            long started = System.nanoTime();
            for (int revision = 1; revision <= REVISIONS; revision++) {
                if (revision == 2) {
                    cluster.service("board-service-2").stop();
                    cluster.service("article-service-2").stop();
                }
                if (revision == 4) {
                    cluster.service("board-service-2").start();
                    cluster.service("article-service-2").start();
                }
                for (int from = 1; from <= POSTS; from += 500) {
                    StringJoiner items = new StringJoiner(",", "[", "]");
                    for (int number = from; number < from + 500; number++) {
                        String title = "판 " + revision + " 의 글 " + number;
                        items.add("{\"board\": \"scale\", \"number\": " + number + ", \"title\": \"" + title + "\"}");
                        last.put("scale:" + number, title);
                    }
                    assertThat(cluster.post("/api/v1/posts/batch", items.toString(), Duration.ofSeconds(30))[0])
                        .isEqualTo(202);
                }
            }
            cluster.service("board-service-2").awaitReady();
            try (MongoClient mongo = cluster.mongoClient()) {
                var posts = mongo.getDatabase("boards").getCollection("posts");
                await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> posts.countDocuments(Filters.regex("title", "^판 " + REVISIONS + " ")) == POSTS);
                long stored = posts.countDocuments(Filters.eq("board", "scale"));
                long outOfOrder = 0;
                for (Document post : posts.find(Filters.eq("board", "scale"))) {
                    outOfOrder += last.get(post.getString("_id")).equals(post.getString("title")) ? 0 : 1;
                }
                Figures.print(String.format(
                        "scale-out: posts=%d revisionsEach=%d events=%d stored=%d lost=%d "
                                + "notAtLastRevision=%d seconds=%.1f",
                        POSTS, REVISIONS, POSTS * REVISIONS, stored, POSTS - stored, outOfOrder,
                        (System.nanoTime() - started) / 1e9));
                assertThat(stored).isEqualTo(POSTS);
                assertThat(outOfOrder).isZero();
            }
        }
    }

}
