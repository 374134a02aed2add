package io.newsflow.benchmark;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchSupportTests {

    @Test
    void readsTheClosingFigureOfProducerPerformance() {
        String output = """
                49321 records sent, 9864.2 records/sec (10.61 MB/sec), 1523.4 ms avg latency, 2312.0 ms max latency.
                100000 records sent, 26427.1 records/sec (28.43 MB/sec), 912.35 ms avg latency, 2312.00 ms max latency, 840 ms 50th.
                """;

        assertThat(ProducerBaseline.summary(output)).isEqualTo(26427.1);
        assertThatThrownBy(() -> ProducerBaseline.summary("Exception in thread main"))
            .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void articlesAreAboutOneKilobyteOfJsonAndTheSameForTheSameIndex() {
        LongStream.range(0, 200).forEach(index -> {
            int bytes = Workload.article(index).getBytes(StandardCharsets.UTF_8).length;
            assertThat(bytes).isBetween(900, 1600);
        });
        assertThat(Workload.article(7)).isEqualTo(Workload.article(7)).isNotEqualTo(Workload.article(8));
    }

    @Test
    void mostPostsGoToTheSeedBoardAndEveryBoardNumbersItsPostsOnce() {
        assertThat(Workload.post(0)).contains("\"board\":\"bench-news\"", "\"number\":1,");
        assertThat(Workload.post(2)).contains("\"board\":\"bench-news\"", "\"number\":3,");
        assertThat(Workload.post(3)).contains("\"board\":\"bench-talk\"", "\"number\":1,");
        assertThat(Workload.post(5)).contains("\"board\":\"bench-news\"", "\"number\":4,");
        assertThat(Workload.post(9)).contains("\"board\":\"bench-life\"", "\"number\":2,");
        Set<String> keys = new HashSet<>();
        long seed = 0;
        for (long post = 0; post < 50_000; post++) {
            assertThat(keys.add(Workload.board(post) + ":" + Workload.number(post))).isTrue();
            seed += Workload.board(post).equals(Workload.SEED_BOARD) ? 1 : 0;
        }
        assertThat(seed).as("posts on the seed board of a 100,000-event run").isEqualTo(30_000);
        assertThat(Workload.batch(false, 0, 3)).startsWith("[{").endsWith("}]");
    }

    @Test
    void theLikeForLikePeerRunsWithPeerConnectorsSettings() throws Exception {
        Path home = Path.of("..");

        assertThat(PeerConnector.Setup.PLAIN.settings(home))
            .containsExactly("connector.class=com.mongodb.kafka.connect.MongoSinkConnector");
        assertThat(PeerConnector.Setup.LIKE_FOR_LIKE.settings(home)).contains(
                "connector.class=com.mongodb.kafka.connect.MongoSinkConnector",
                "writemodel.strategy=io.newsflow.peer.NewerRevisionStrategy",
                "post.processor.chain=io.newsflow.peer.ArticleDocuments", "bulk.write.ordered=false");
        assertThat(PeerConnector.Setup.LIKE_FOR_LIKE.database()).isNotEqualTo(PeerConnector.Setup.PLAIN.database());
    }

    @Test
    void optionsAreCheckedBeforeAnythingStarts() {
        Path home = Path.of("/tmp/newsflow");

        BenchSettings settings = BenchSettings
            .parse(new String[] { "--events", "20_000", "--read-rate=100", "--profile", "--store", "memory" }, home);
        assertThat(settings.events()).isEqualTo(20_000);
        assertThat(settings.readRate()).isEqualTo(100);
        assertThat(settings.profile()).isTrue();
        assertThat(settings.store()).isEqualTo("memory");
        assertThat(settings.pageRate()).isEqualTo(20);
        assertThat(settings.peersOnly()).isFalse();
        assertThat(BenchSettings.parse(new String[] { "--peers-only", "--events", "2000" }, home).peersOnly()).isTrue();
        assertThatThrownBy(() -> BenchSettings.parse(new String[] { "--store", "postgres" }, home))
            .hasMessageContaining("--store");
        assertThat(settings.out()).isEqualTo(home.resolve("target/bench"));
        assertThatThrownBy(() -> BenchSettings.parse(new String[] { "--batch", "5000" }, home))
            .hasMessageContaining("at most 1000");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] { "--events", "many" }, home))
            .hasMessageContaining("--events");
        assertThatThrownBy(() -> BenchSettings.parse(new String[] { "--speed", "9" }, home))
            .hasMessageContaining("--speed");
    }

    @Test
    void latencyPercentilesAreNearestRank() {
        Latencies latencies = new Latencies();
        LongStream.rangeClosed(1, 100).forEach(millis -> latencies.record(millis * 1_000_000));

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(new Latencies().percentileMillis(99)).isNaN();
    }

}
