package io.newsflow.benchmark;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads at a fixed rate, open loop: request {@code i} is due at {@code start + i / rate}
 * whatever the answers before it did, and its latency counts from when it was due, so a
 * slow server cannot hide its queueing (no coordinated omission). Lookups by id (articles
 * by id, posts by number) and pages (a listing page: articles newest first or a page of
 * the seed board, the largest; a search page of either) run as loads of their own, in
 * turn, so each kind's latency is its own.
 */
final class ReadLoad {

    static final String ARTICLE_BY_ID = "article by id";

    static final String POST_BY_NUMBER = "post by number";

    static final String LISTING = "listing page";

    static final String SEARCH = "search page";

    static final List<String> LOOKUPS = List.of(ARTICLE_BY_ID, POST_BY_NUMBER);

    static final List<String> PAGES = List.of(LISTING, SEARCH);

    /**
     * Enough for the rates measured; a service slower than this many at once is
     * overloaded anyway.
     */
    private static final int MAX_IN_FLIGHT = 64;

    /**
     * A load the service cannot keep up with is stopped once it is this far behind, not
     * run for hours.
     */
    private static final long GIVE_UP_BEHIND_NANOS = 10_000_000_000L;

    private final HttpClient http;

    private final StackUnderTest stack;

    private final List<String> articleIds;

    private final long posts;

    ReadLoad(HttpClient http, StackUnderTest stack, List<String> articleIds, long posts) {
        this.http = http;
        this.stack = stack;
        this.articleIds = articleIds;
        this.posts = posts;
    }

    /**
     * Runs {@code rate} requests per second of the {@code kinds} in turn for
     * {@code duration}.
     */
    Map<String, Latencies> run(List<String> kinds, int rate, Duration duration) throws InterruptedException {
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        kinds.forEach(kind -> latencies.put(kind, new Latencies()));
        SplittableRandom random = new SplittableRandom(42);
        Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        long total = rate * duration.toSeconds();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String kind = kinds.get((int) (i % kinds.size()));
            Latencies target = latencies.get(kind);
            URI uri = uri(kind, random);
            inFlight.acquire();
            if (System.nanoTime() - due > GIVE_UP_BEHIND_NANOS) {
                inFlight.release();
                // every request not sent counts as failed: the service did not serve this
                // rate
                for (long missed = i; missed < total; missed++) {
                    latencies.get(kinds.get((int) (missed % kinds.size()))).error();
                }
                break;
            }
            this.http
                .sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .whenComplete((response, failure) -> {
                    inFlight.release();
                    if (failure != null || response.statusCode() != 200) {
                        target.error();
                    }
                    else {
                        target.record(System.nanoTime() - due);
                    }
                });
        }
        inFlight.acquire(MAX_IN_FLIGHT);
        return latencies;
    }

    /**
     * Brings the services up to {@code rate} in four steps (a quarter, a half, three
     * quarters, all of it) of {@code step} each, as a production service's traffic grows
     * after a deploy: what is measured next is the services' steady state, with their
     * code compiled and their caches filled, not their first seconds.
     */
    void ramp(List<String> kinds, int rate, Duration step) throws InterruptedException {
        for (int quarter = 1; quarter <= 4; quarter++) {
            run(kinds, Math.max(1, rate * quarter / 4), step);
        }
    }

    /**
     * The service time of each kind with nothing else running: {@code lookups} or
     * {@code pages} requests of it one after the other. It bounds the rate one core can
     * serve: 1 s divided by it.
     */
    Map<String, Latencies> alone(int lookups, int pages) throws InterruptedException {
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        SplittableRandom random = new SplittableRandom(7);
        for (String kind : List.of(ARTICLE_BY_ID, POST_BY_NUMBER, LISTING, SEARCH)) {
            Latencies samples = new Latencies();
            for (int i = 0; i < (LOOKUPS.contains(kind) ? lookups : pages); i++) {
                long started = System.nanoTime();
                if (get(uri(kind, random)) == 200) {
                    samples.record(System.nanoTime() - started);
                }
                else {
                    samples.error();
                }
            }
            latencies.put(kind, samples);
        }
        return latencies;
    }

    /**
     * Waits until the services drained what an overloaded load left queued: until one
     * request of each kind is answered within three times its service time {@code alone},
     * for at most {@code limit}.
     */
    void settle(Map<String, Latencies> alone, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        SplittableRandom random = new SplittableRandom(11);
        for (String kind : List.of(ARTICLE_BY_ID, POST_BY_NUMBER, LISTING, SEARCH)) {
            long quick = (long) Math.max(50_000_000, 3e6 * alone.get(kind).percentileMillis(50));
            while (System.nanoTime() < deadline) {
                long started = System.nanoTime();
                if (get(uri(kind, random)) == 200 && System.nanoTime() - started < quick) {
                    break;
                }
            }
        }
    }

    /** The status of a GET, 0 when it failed or timed out. */
    private int get(URI uri) throws InterruptedException {
        try {
            return this.http
                .send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
        }
        catch (java.io.IOException ex) {
            return 0;
        }
    }

    private URI uri(String kind, SplittableRandom random) {
        String noun = URLEncoder.encode(Workload.NOUNS.get(random.nextInt(Workload.NOUNS.size())),
                StandardCharsets.UTF_8);
        long post = random.nextLong(this.posts);
        String board = Workload.board(post);
        return URI.create(switch (kind) {
            case ARTICLE_BY_ID -> this.stack.articleUrl() + "/api/v1/articles/"
                    + this.articleIds.get(random.nextInt(this.articleIds.size()));
            case POST_BY_NUMBER ->
                this.stack.boardUrl() + "/api/v1/boards/" + board + "/posts/" + Workload.number(post);
            case LISTING ->
                random.nextBoolean() ? this.stack.articleUrl() + "/api/v1/articles?limit=20" : this.stack.boardUrl()
                        + "/api/v1/boards/" + Workload.SEED_BOARD + "/posts?page=" + random.nextInt(10) + "&size=20";
            default -> random.nextBoolean() ? this.stack.articleUrl() + "/api/v1/articles?limit=20&q=" + noun
                    : this.stack.boardUrl() + "/api/v1/boards/" + Workload.SEED_BOARD + "/posts?size=20&q=" + noun;
        });
    }

}
