package io.newsflow.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The freshness leg: new articles and posts at a steady rate (a batch of each every 50
 * ms), while a probe sends one more article at a time and polls it by id until
 * article-service answers it, the acceptance-to-queryable time of that article seen from
 * outside.
 */
final class PacedLoad {

    private static final long TICK_MILLIS = 50;

    private static final long PROBE_INDEX = 100_000_000L;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;

    private final StackUnderTest stack;

    private final IngestClient ingest;

    private final AtomicLong sent = new AtomicLong();

    private final AtomicReference<Exception> failure = new AtomicReference<>();

    PacedLoad(HttpClient http, StackUnderTest stack, IngestClient ingest) {
        this.http = http;
        this.stack = stack;
        this.ingest = ingest;
    }

    /**
     * Sends {@code rate} events per second for {@code duration}, new items from
     * {@code firstIndex} on.
     * @return the probe's acceptance-to-queryable latencies
     */
    Latencies run(int rate, Duration duration, long firstIndex) throws Exception {
        long perTick = Math.max(2, rate * TICK_MILLIS / 1000);
        long articles = perTick / 2;
        long posts = perTick - articles;
        AtomicLong nextArticle = new AtomicLong(firstIndex);
        AtomicLong nextPost = new AtomicLong(firstIndex);
        ExecutorService senders = Executors.newFixedThreadPool(8);
        ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
        ticks.scheduleAtFixedRate(() -> {
            long article = nextArticle.getAndAdd(articles);
            long post = nextPost.getAndAdd(posts);
            senders.execute(() -> send(true, article, article + articles));
            senders.execute(() -> send(false, post, post + posts));
        }, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        Latencies probe = new Latencies();
        long until = System.nanoTime() + duration.toNanos();
        long index = PROBE_INDEX;
        while (System.nanoTime() < until && this.failure.get() == null) {
            probe(index++, probe);
            Thread.sleep(200);
        }
        ticks.shutdown();
        ticks.awaitTermination(1, TimeUnit.SECONDS);
        senders.shutdown();
        senders.awaitTermination(60, TimeUnit.SECONDS);
        if (this.failure.get() != null) {
            throw this.failure.get();
        }
        return probe;
    }

    long sent() {
        return this.sent.get();
    }

    private void send(boolean articles, long from, long to) {
        try {
            this.ingest.sendAll(articles, from, to);
            this.sent.addAndGet(to - from);
        }
        catch (Exception ex) {
            this.failure.compareAndSet(null, ex);
        }
    }

    private void probe(long index, Latencies probe) throws Exception {
        HttpResponse<String> accepted = this.http
            .send(HttpRequest.newBuilder(URI.create(this.stack.ingestUrl() + "/api/v1/articles"))
                .header("Content-Type", "application/json")
                .header("X-API-Key", StackUnderTest.API_KEY)
                .POST(HttpRequest.BodyPublishers.ofString(Workload.article(index)))
                .build(), HttpResponse.BodyHandlers.ofString());
        long acceptedAt = System.nanoTime();
        Matcher id = ID.matcher(accepted.body());
        if (accepted.statusCode() != 202 || !id.find()) {
            probe.error();
            return;
        }
        HttpRequest lookup = HttpRequest
            .newBuilder(URI.create(this.stack.articleUrl() + "/api/v1/articles/" + id.group(1)))
            .build();
        long deadline = acceptedAt + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (this.http.send(lookup, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                probe.record(System.nanoTime() - acceptedAt);
                return;
            }
            Thread.sleep(2);
        }
        probe.error();
    }

}
