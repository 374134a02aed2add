package io.newsflow.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.Ports;
import io.newsflow.testsupport.Figures;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scenario 6, a power cut: the local stack ({@code ./newsflow up}: the broker, the
 * embedded MongoDB server and the three services) runs under load, and every one of its
 * processes is killed with SIGKILL at once, at several moments; each time it is started
 * again on its data. Once the consumers have caught up, every write ingest acknowledged
 * is stored, once, in both read models; a write whose request was cut off by the kill may
 * or may not be (the client was never told), nothing else is.
 */
class CrashEverythingScenarioTests {

    private static final int BATCH = 100;

    private static final String API_KEY = "crash-everything-key";

    private static final Document ID_AND_URL = new Document("_id", 1).append("url", 1);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void everythingAcknowledgedIsStoredOnceAfterEveryProcessIsKilledAtOnce() throws Exception {
        int kills = Integer.getInteger("newsflow.reliability.kills", 3);
        Duration between = Duration.ofSeconds(Integer.getInteger("newsflow.reliability.secondsBetweenKills", 8));
        Path data = Files.createDirectories(Path.of("target", "reliability", "crash-everything-" + System.nanoTime()));
        LocalStackProcess stack = new LocalStackProcess(data, API_KEY);
        Map<String, String> acknowledged = new HashMap<>();
        Set<String> inDoubt = new HashSet<>();
        long started = System.nanoTime();
        int batch = 0;
        try {
            stack.start();
            for (int kill = 0; kill <= kills; kill++) {
                long until = System.nanoTime() + between.toNanos();
                while (System.nanoTime() < until) {
                    write(stack, batch++, acknowledged, inDoubt);
                }
                if (kill < kills) {
                    AtomicBoolean writing = new AtomicBoolean(true);
                    int inFlight = batch++;
                    Thread client = new Thread(() -> {
                        while (writing.get()) {
                            write(stack, inFlight * 1000 + (int) (System.nanoTime() % 1000), acknowledged, inDoubt);
                        }
                    });
                    client.start();
                    Thread.sleep(300);
                    stack.killEverything();
                    writing.set(false);
                    client.join();
                    stack.start();
                }
            }
            try (MongoClient mongo = MongoClients.create(stack.mongoUri())) {
                var posts = mongo.getDatabase("boards").getCollection("posts");
                var articles = mongo.getDatabase("articles").getCollection("articles");
                // until every acknowledged write is stored, or nothing more arrives for
                // 30 s
                long[] last = { -1, System.nanoTime() };
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(3)).until(() -> {
                    long count = posts.countDocuments() + articles.countDocuments();
                    if (count != last[0]) {
                        last[0] = count;
                        last[1] = System.nanoTime();
                    }
                    return stored(posts.find().projection(ID_AND_URL), acknowledged).size()
                            + stored(articles.find().projection(ID_AND_URL), acknowledged).size() >= acknowledged.size()
                            || System.nanoTime() - last[1] > Duration.ofSeconds(30).toNanos();
                });
                Set<String> stored = new HashSet<>();
                long documents = 0;
                long wrong = 0;
                for (var collection : List.of(posts, articles)) {
                    for (Document document : collection.find()) {
                        String id = ScenarioWrites.idOf(document);
                        documents++;
                        stored.add(id);
                        String title = acknowledged.get(id);
                        wrong += title != null && !title.equals(document.getString("title")) ? 1 : 0;
                    }
                }
                Set<String> lost = new HashSet<>(acknowledged.keySet());
                lost.removeAll(stored);
                Set<String> unexpected = new HashSet<>(stored);
                unexpected.removeAll(acknowledged.keySet());
                unexpected.removeAll(inDoubt);
                Figures.print(String.format(
                        "crash-everything: kills=%d acknowledged=%d stored=%d lost=%d "
                                + "duplicates=%d unexpected=%d inDoubtStored=%d wrong=%d seconds=%.1f",
                        kills, acknowledged.size(), stored.size(), lost.size(), documents - stored.size(),
                        unexpected.size(), stored.stream().filter(inDoubt::contains).count(), wrong,
                        (System.nanoTime() - started) / 1e9));
                assertThat(lost).isEmpty();
                assertThat(documents).isEqualTo(stored.size());
                assertThat(unexpected).isEmpty();
                assertThat(wrong).isZero();
            }
        }
        finally {
            stack.stop();
        }
    }

    /** The stored ids among {@code documents} that were acknowledged. */
    private static Set<String> stored(Iterable<Document> documents, Map<String, String> acknowledged) {
        Set<String> ids = new HashSet<>();
        documents.forEach(document -> {
            String id = ScenarioWrites.idOf(document);
            if (acknowledged.containsKey(id)) {
                ids.add(id);
            }
        });
        return ids;
    }

    /**
     * A batch of 100 posts or articles; what Kafka acknowledged is remembered, what was
     * cut off is in doubt.
     */
    private void write(LocalStackProcess stack, int batch, Map<String, String> acknowledged, Set<String> inDoubt) {
        ScenarioWrites.Batch writes = ScenarioWrites.batch(batch, BATCH, "power-cut", "정전");
        Map<String, String> sent = writes.titles();
        try {
            HttpResponse<String> answer = this.http
                .send(HttpRequest.newBuilder(URI.create(stack.ingestUrl() + writes.path()))
                    .timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json")
                    .header("X-API-Key", API_KEY)
                    .POST(HttpRequest.BodyPublishers.ofString(writes.json(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.ofString());
            synchronized (acknowledged) {
                if (answer.statusCode() == 202 && !answer.body().contains("\"failed\":0,")) {
                    inDoubt.addAll(sent.keySet());
                }
                else if (answer.statusCode() == 202) {
                    acknowledged.putAll(sent);
                }
                else {
                    inDoubt.addAll(sent.keySet());
                }
            }
        }
        catch (IOException ex) {
            synchronized (acknowledged) {
                inDoubt.addAll(sent.keySet());
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The local stack launcher in a process group of its own, so one signal reaches all
     * it started.
     */
    static final class LocalStackProcess {

        private final Path data;

        private final String apiKey;

        private final Map<String, String> ports = new HashMap<>();

        private ChildProcess process;

        LocalStackProcess(Path data, String apiKey) {
            this.data = data.toAbsolutePath();
            this.apiKey = apiKey;
            for (String port : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "INGEST_PORT",
                    "ARTICLE_PORT", "BOARD_PORT", "INGEST_MANAGEMENT_PORT", "ARTICLE_MANAGEMENT_PORT",
                    "BOARD_MANAGEMENT_PORT", "NEWSFLOW_OPS_PORT")) {
                this.ports.put(port, String.valueOf(Ports.free()));
            }
        }

        String ingestUrl() {
            return "http://127.0.0.1:" + this.ports.get("INGEST_PORT");
        }

        String mongoUri() {
            return "mongodb://127.0.0.1:" + this.ports.get("MONGO_PORT");
        }

        Path log() {
            return this.data.resolve("stack.log");
        }

        /** The processes the launcher started whose command line names {@code part}. */
        List<ProcessHandle> children(String part) {
            return ProcessHandle.of(this.process.pid())
                .map(launcher -> launcher.descendants()
                    .filter(child -> child.info().commandLine().orElse("").contains(part))
                    .toList())
                .orElse(List.of());
        }

        void start() throws IOException, InterruptedException {
            Path home = Path.of("..").toAbsolutePath().normalize();
            Path launcher = home.resolve("local-stack/target/local-stack-0.1.0-SNAPSHOT.jar");
            Path log = this.data.resolve("stack.log");
            long offset = Files.exists(log) ? Files.size(log) : 0;
            this.process = ChildProcess.java("local stack")
                .inProcessGroupOfItsOwn()
                .arguments("-Xmx1g", "-XX:+UseSerialGC", "-Dnewsflow.home=" + home,
                        "-Dnewsflow.logs=" + this.data.resolve("logs"), "-jar", launcher.toString(), "up")
                .environment(this.ports)
                .environment("NEWSFLOW_DATA", this.data.toString())
                .environment("NEWSFLOW_API_KEYS", this.apiKey)
                .environment("TRACING_SAMPLING_PROBABILITY", "0")
                .log(log)
                .start();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
                if (!this.process.isAlive()) {
                    throw new IllegalStateException("the stack exited; see " + log);
                }
                return Files.readString(log).substring((int) offset).contains("ready in");
            });
        }

        /**
         * SIGKILL to the whole process group: the launcher (and the store in it), the
         * broker, the services.
         */
        void killEverything() throws IOException, InterruptedException {
            long group = this.process.pid();
            new ProcessBuilder("kill", "-KILL", "--", "-" + group).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
            this.process.kill();
            await().atMost(Duration.ofSeconds(30))
                .until(() -> new ProcessBuilder("pgrep", "-g", String.valueOf(group)).start().waitFor() == 1);
        }

        void stop() throws IOException, InterruptedException {
            if (this.process != null && this.process.isAlive()) {
                new ProcessBuilder("kill", "-TERM", "--", "-" + this.process.pid()).start()
                    .waitFor(10, TimeUnit.SECONDS);
                try {
                    this.process.awaitExit(Duration.ofSeconds(90));
                }
                catch (IllegalStateException ex) {
                    killEverything();
                }
            }
        }

    }

}
