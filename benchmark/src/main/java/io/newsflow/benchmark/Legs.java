package io.newsflow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import io.newsflow.opsconsole.Histogram;
import io.newsflow.opsconsole.PrometheusText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The legs of one run, in order, each adding its rows to the report. */
final class Legs {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration ALL_QUERYABLE_TIMEOUT = Duration.ofMinutes(30);

    private final BenchSettings settings;

    private final StackUnderTest stack;

    private final Store store;

    private final Timeline timeline;

    private final HttpClient http;

    private final Report report;

    private final Map<String, double[]> percentiles;

    private final Ingest ingest;

    private List<String> articleIds;

    private String[] pipelineCpu;

    private String[] consumeCpu;

    private long peakBeforeReads;

    Legs(BenchSettings settings, StackUnderTest stack, Store store, Timeline timeline, HttpClient http, Report report,
            Map<String, double[]> percentiles) {
        this.settings = settings;
        this.stack = stack;
        this.store = store;
        this.timeline = timeline;
        this.http = http;
        this.report = report;
        this.percentiles = percentiles;
        this.ingest = new Ingest(http, stack.ingestUrl());
    }

    /** The whole stack's peak resident memory before the read leg (0 until it runs). */
    long peakBeforeReads() {
        return this.peakBeforeReads;
    }

    void runAll() throws Exception {
        long events = this.settings.events();
        Benchmark.step(String.format(Locale.ROOT, "raw producer baseline: ProducerPerformance, %,d records", events));
        this.timeline.leg("raw producer", Map.of());
        double producer = ProducerBaseline.run(this.settings.home(), this.stack.kafkaBootstrapServers(), events,
                this.settings.out());
        this.report.add("baseline: raw Kafka producer (1 KB JSON, acks=all)", Report.rate(producer));

        double[] pipeline = pipeline();
        Benchmark.step("raw bulk-upsert baseline: the stored documents upserted again into a database of their own");
        this.timeline.leg("raw upsert", Map.of());
        Map<String, Double> cpuBefore = this.stack.cpuSeconds();
        List<String> postIds = new ArrayList<>();
        for (long post = 0; post < events / 2; post++) {
            postIds.add(Workload.board(post) + ":" + Workload.number(post));
        }
        double upsert = this.store.rawBulkUpsert(this.articleIds, postIds);
        String[] upsertCpu = cpuRow("raw upsert", cpuBefore, events);
        this.report.add("baseline: raw bulk upsert (same store, same documents)", Report.rate(upsert));
        this.report.add(upsertCpu[0], upsertCpu[1]);
        this.report.add("pipeline: ingest acceptance (batch REST, 202 after acks)", Report.rate(pipeline[0]),
                Report.ratio(pipeline[0] / producer) + " producer", ">= 0.30x producer",
                pipeline[0] / producer >= 0.30);
        this.report.add("pipeline: end to end, sent until all queryable", Report.rate(pipeline[1]),
                Report.ratio(pipeline[1] / upsert) + " upsert", ">= 0.60x upsert", pipeline[1] / upsert >= 0.60);
        this.report.add(this.pipelineCpu[0], this.pipelineCpu[1]);

        double consume = consumeLeg(events);
        this.report.add("consume leg: rebuild of both read models from the topics", Report.rate(consume),
                Report.ratio(consume / upsert) + " upsert", ">= 0.75x upsert", consume / upsert >= 0.75);
        this.report.add(this.consumeCpu[0], this.consumeCpu[1]);
        this.report.note("For scale: the MongoDB Kafka sink connector (no search tokens, no version guard) reaches "
                + "about 0.48x of the raw bulk-upsert rate of the same embedded store on this machine kind (0.56x "
                + "with two tasks).");

        // the last legs read what the ones before stored: a failure of one is reported,
        // the other still runs;
        // reads run over exactly the pipeline's events, before the freshness leg adds its
        // own
        this.peakBeforeReads = this.timeline.peakTotal();
        try {
            reads();
        }
        catch (Exception ex) {
            this.report.add("reads: the leg failed", ex.toString());
        }
        try {
            freshness(events / 2);
        }
        catch (Exception ex) {
            this.report.add("freshness: the leg failed", ex.toString());
        }
    }

    /**
     * Where a leg's CPU went: microseconds per event in each process, and the rate the
     * machine's cores would allow if nothing else ran.
     */
    private String[] cpuRow(String leg, Map<String, Double> before, long events) {
        Map<String, Double> after = this.stack.cpuSeconds();
        StringBuilder parts = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> process : after.entrySet()) {
            double used = process.getValue() - before.getOrDefault(process.getKey(), 0.0);
            total += used;
            parts.append(parts.length() == 0 ? "" : ", ")
                .append(process.getKey())
                .append(' ')
                .append(Math.round(used / events * 1e6));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new String[] { "  CPU µs per event, " + leg + ": " + parts, String.format(Locale.ROOT,
                "%,d µs (cores allow %s)", Math.round(total / events * 1e6), Report.rate(cores * events / total)) };
    }

    /**
     * @return the acceptance rate and the end-to-end rate, events per second
     */
    private double[] pipeline() throws Exception {
        long half = this.settings.events() / 2;
        int batch = this.settings.batchSize();
        String[] ids = new String[(int) half];
        AtomicLong accepted = new AtomicLong();
        List<Callable<Void>> jobs = new ArrayList<>();
        for (long from = 0; from < half; from += batch) {
            long start = from;
            long end = Math.min(half, from + batch);
            jobs.add(() -> {
                List<String> articleIds = this.ingest.sendAll(true, start, end);
                for (int i = 0; i < articleIds.size(); i++) {
                    ids[(int) start + i] = articleIds.get(i);
                }
                accepted.addAndGet(end - start);
                return null;
            });
            jobs.add(() -> {
                this.ingest.sendAll(false, start, end);
                accepted.addAndGet(end - start);
                return null;
            });
        }
        Benchmark.step(String.format(Locale.ROOT, "pipeline: %,d articles and %,d posts in batches of %d, %d senders",
                half, half, batch, this.settings.senders()));
        this.timeline.leg("pipeline", Map.of("accepted", accepted::get, "stored", this.store::stored));
        ExecutorService senders = Executors.newFixedThreadPool(this.settings.senders());
        Map<String, Double> cpuBefore = this.stack.cpuSeconds();
        long started = System.nanoTime();
        try {
            for (Future<Void> job : senders.invokeAll(jobs)) {
                job.get();
            }
        }
        finally {
            senders.shutdown();
        }
        double acceptSeconds = (System.nanoTime() - started) / 1e9;
        Benchmark.step(String.format(Locale.ROOT, "pipeline: all accepted in %.1f s; waiting until all are queryable",
                acceptSeconds));
        long deadline = System.nanoTime() + ALL_QUERYABLE_TIMEOUT.toNanos();
        while (this.store.stored() < 2 * half) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not all events were queryable within " + ALL_QUERYABLE_TIMEOUT);
            }
            Thread.sleep(100);
        }
        double endToEndSeconds = (System.nanoTime() - started) / 1e9;
        this.pipelineCpu = cpuRow("pipeline", cpuBefore, 2 * half);
        Benchmark.step(String.format(Locale.ROOT, "pipeline: all queryable after %.1f s", endToEndSeconds));
        this.articleIds = Arrays.asList(ids);
        return new double[] { 2 * half / acceptSeconds, 2 * half / endToEndSeconds };
    }

    /** Rebuilds both read models at once; @return events made queryable per second */
    private double consumeLeg(long events) throws Exception {
        Benchmark.step("consume leg: POST /actuator/rebuild to article-service and board-service");
        List<String> services = List.of(this.stack.articleManagementUrl(), this.stack.boardManagementUrl());
        AtomicLong[] read = { new AtomicLong(), new AtomicLong() };
        LongSupplier rebuilt = () -> read[0].get() + read[1].get();
        this.timeline.leg("consume (rebuild)", Map.of("rebuilt", rebuilt));
        Map<String, Double> cpuBefore = this.stack.cpuSeconds();
        long started = System.nanoTime();
        String[] shadows = new String[services.size()];
        for (int i = 0; i < services.size(); i++) {
            shadows[i] = rebuild(services.get(i), "POST").get("shadow").asString();
        }
        double[] seconds = new double[services.size()];
        long deadline = started + ALL_QUERYABLE_TIMEOUT.toNanos();
        while (Arrays.stream(seconds).anyMatch(value -> value == 0)) {
            for (int i = 0; i < services.size(); i++) {
                if (seconds[i] > 0) {
                    continue;
                }
                JsonNode status = rebuild(services.get(i), "GET");
                read[i].set(status.get("recordsRead").asLong());
                if (status.get("state").asString().equals("failed")) {
                    throw new IllegalStateException("rebuild failed: " + status);
                }
                if (shadows[i].equals(status.get("serving").asString())) {
                    seconds[i] = (System.nanoTime() - started) / 1e9;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rebuild did not finish within " + ALL_QUERYABLE_TIMEOUT);
            }
            Thread.sleep(100);
        }
        double slowest = Arrays.stream(seconds).max().orElseThrow();
        this.consumeCpu = cpuRow("consume leg", cpuBefore, events);
        Benchmark.step(String.format(Locale.ROOT, "consume leg: articles served after %.1f s, posts after %.1f s",
                seconds[0], seconds[1]));
        return events / slowest;
    }

    private JsonNode rebuild(String managementUrl, String method) throws Exception {
        HttpResponse<String> response = this.http
            .send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/rebuild"))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " /actuator/rebuild answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private void reads() throws Exception {
        int rate = this.settings.readRate();
        Duration duration = this.settings.readDuration();
        ReadLoad load = new ReadLoad(this.http, this.stack, this.articleIds, this.settings.events() / 2);
        Benchmark.step(String.format(Locale.ROOT,
                "reads: %,d requests/s for %d s of lookups by id, then of pages, "
                        + "over %,d stored (each after a 10 s warm-up)",
                rate, duration.toSeconds(), this.store.stored()));
        this.timeline.leg("reads", Map.of());
        Duration warmUp = Duration.ofSeconds(Math.min(10, duration.toSeconds()));
        load.run(ReadLoad.LOOKUPS, rate, warmUp);
        Map<String, Latencies> alone = load.alone(20, 5);
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (List<String> kinds : List.of(ReadLoad.LOOKUPS, ReadLoad.PAGES)) {
            load.run(kinds, rate, warmUp);
            load.settle(alone, Duration.ofMinutes(3));
            latencies.putAll(load.run(kinds, rate, duration));
            load.settle(alone, Duration.ofMinutes(3));
        }
        readRows("lookups by id", combined(latencies, ReadLoad.LOOKUPS), 10);
        readRows("listing/search pages", combined(latencies, ReadLoad.PAGES), 30);
        latencies.forEach((kind, samples) -> this.report.add(
                String.format(Locale.ROOT, "  %s p50 / p99 (alone: p50 %s)", kind,
                        Report.millis(alone.get(kind).percentileMillis(50))),
                Report.millis(samples.percentileMillis(50)) + " / " + Report.millis(samples.percentileMillis(99))));
        this.percentiles.put("by-id", percentiles(combined(latencies, ReadLoad.LOOKUPS)));
        this.percentiles.put("listing/search", percentiles(combined(latencies, ReadLoad.PAGES)));
    }

    private static Latencies combined(Map<String, Latencies> latencies, List<String> kinds) {
        Latencies combined = new Latencies();
        kinds.forEach(kind -> combined.addAll(latencies.get(kind)));
        return combined;
    }

    private static double[] percentiles(Latencies latencies) {
        return new double[] { latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99) };
    }

    private void readRows(String name, Latencies latencies, double targetMillis) {
        double p99 = latencies.percentileMillis(99);
        String rate = String.format(Locale.ROOT, "%d at %d/s", latencies.count(), this.settings.readRate());
        this.report.add("reads: " + name + " p50", Report.millis(latencies.percentileMillis(50)));
        this.report.add("reads: " + name + " p99 (" + rate + ", " + latencies.errors() + " errors)", Report.millis(p99),
                "", String.format(Locale.ROOT, "<= %.0f ms", targetMillis),
                p99 <= targetMillis && latencies.errors() == 0);
    }

    /** The freshness histograms of the consuming services, summed. */
    private Histogram scrapeFreshness(String... managementUrls) throws IOException, InterruptedException {
        Histogram sum = Histogram.of(Map.of());
        for (String url : managementUrls) {
            HttpResponse<String> response = this.http
                .send(HttpRequest.newBuilder(URI.create(url + "/actuator/prometheus"))
                    .timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString());
            sum = sum.plus(Histogram.of(PrometheusText.parse(response.body()), "newsflow_freshness_seconds"));
        }
        return sum;
    }

    private void freshness(long firstIndex) throws Exception {
        int rate = this.settings.paceRate();
        Benchmark.step(String.format(Locale.ROOT, "freshness: %,d events/s for %d s", rate,
                this.settings.paceDuration().toSeconds()));
        PacedLoad load = new PacedLoad(this.http, this.stack, this.ingest);
        String[] services = { this.stack.articleManagementUrl(), this.stack.boardManagementUrl() };
        this.timeline.leg("freshness", Map.of("accepted", load::sent, "stored", this.store::stored));
        Histogram before = scrapeFreshness(services);
        Latencies probe = load.run(rate, this.settings.paceDuration(), firstIndex);
        Thread.sleep(2000);
        Histogram recorded = scrapeFreshness(services).since(before);
        double[] server = { recorded.quantile(0.50) * 1000, recorded.quantile(0.95) * 1000,
                recorded.quantile(0.99) * 1000 };
        String sent = String.format(Locale.ROOT, "%,d events at %,d/s", load.sent(), rate);
        this.report.add("freshness p50 / p95 (service histogram, " + sent + ")",
                Report.millis(server[0]) + " / " + Report.millis(server[1]));
        this.report.add("freshness p99 (service histogram, " + (long) recorded.count() + " events)",
                Report.millis(server[2]), "", "<= 100 ms", server[2] <= 100);
        this.report.add("freshness seen from outside: 202 to first 200 by id, p50 / p99 (" + probe.count() + " probes)",
                Report.millis(probe.percentileMillis(50)) + " / " + Report.millis(probe.percentileMillis(99)));
        this.percentiles.put("freshness (service)", server);
        this.percentiles.put("freshness (probe)", percentiles(probe));
    }

}
