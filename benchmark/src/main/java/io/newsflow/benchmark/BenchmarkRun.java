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
import io.newsflow.contracts.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The legs of one run, in order, each adding its rows to the report. */
final class BenchmarkRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Duration ALL_QUERYABLE_TIMEOUT = Duration.ofMinutes(30);

    /** Each of the four steps a read load ramps up in before it is measured. */
    private static final Duration RAMP_STEP = Duration.ofSeconds(30);

    private final BenchSettings settings;

    private final StackUnderTest stack;

    private final StoreProbe store;

    private final Timeline timeline;

    private final HttpClient http;

    private final Report report;

    private final Map<String, Percentiles> percentiles = new LinkedHashMap<>();

    private final IngestClient ingest;

    BenchmarkRun(BenchSettings settings, StackUnderTest stack, StoreProbe store, Timeline timeline, HttpClient http,
            Report report) {
        this.settings = settings;
        this.stack = stack;
        this.store = store;
        this.timeline = timeline;
        this.http = http;
        this.report = report;
        this.ingest = new IngestClient(http, stack.ingestUrl());
    }

    /**
     * What the pipeline leg measured.
     *
     * @param accepted items accepted per second (202 after Kafka acknowledged them)
     * @param endToEnd items per second from the first request until all were queryable
     * @param articleIds the ids ingest gave the articles, by index
     */
    record Pipeline(double accepted, double endToEnd, CpuUse cpu, List<String> articleIds) {
    }

    /** A rebuild from the topics: events made queryable per second, and its CPU. */
    record Rebuild(double perSecond, CpuUse cpu) {
    }

    /** What the legs measured that the run reports after them. */
    record Outcome(long peakBeforeReads, Map<String, Percentiles> percentiles) {
    }

    Outcome runAll() throws Exception {
        long events = this.settings.events();
        Benchmark.step(String.format(Locale.ROOT, "raw producer baseline: ProducerPerformance, %,d records", events));
        this.timeline.leg("raw producer", Map.of());
        double producer = ProducerBaseline.run(this.settings.home(), this.stack.kafkaBootstrapServers(), events,
                this.settings.out());
        this.report.add("baseline: raw Kafka producer (1 KB JSON, acks=all)", Report.rate(producer));

        Pipeline pipeline = pipeline();
        Benchmark.step("raw bulk-upsert baseline: the stored documents upserted again into a database of their own");
        this.timeline.leg("raw upsert", Map.of());
        Map<String, Double> cpuBefore = this.stack.cpuSeconds();
        List<String> postIds = new ArrayList<>();
        for (long post = 0; post < events / 2; post++) {
            postIds.add(Workload.board(post) + ":" + Workload.number(post));
        }
        double upsert = this.store.rawBulkUpsert(pipeline.articleIds(), postIds);
        CpuUse upsertCpu = CpuUse.between("raw upsert", cpuBefore, this.stack.cpuSeconds(), events);
        this.report.add("baseline: raw bulk upsert (same store, same documents)", Report.rate(upsert));
        upsertCpu.addTo(this.report);
        this.report.add("pipeline: ingest acceptance (batch REST, 202 after acks)", Report.rate(pipeline.accepted()),
                Report.ratio(pipeline.accepted() / producer) + " producer", ">= 0.30x producer",
                pipeline.accepted() / producer >= 0.30);
        this.report.add("pipeline: end to end, sent until all queryable", Report.rate(pipeline.endToEnd()),
                Report.ratio(pipeline.endToEnd() / upsert) + " upsert", ">= 0.60x upsert",
                pipeline.endToEnd() / upsert >= 0.60);
        pipeline.cpu().addTo(this.report);

        Rebuild consume = consumeLeg(events);
        this.report.add("consume leg: rebuild of both read models from the topics", Report.rate(consume.perSecond()),
                Report.ratio(consume.perSecond() / upsert) + " upsert", ">= 0.75x upsert",
                consume.perSecond() / upsert >= 0.75);
        consume.cpu().addTo(this.report);
        try {
            peer(events / 2);
        }
        catch (Exception ex) {
            this.report.add("peer: the leg failed", ex.toString());
        }
        if (this.settings.peersOnly()) {
            return new Outcome(this.timeline.peakTotal(), new LinkedHashMap<>(this.percentiles));
        }

        // the last legs read what the ones before stored: a failure of one is reported,
        // the other still runs;
        // reads run over exactly the pipeline's events, before the freshness leg adds its
        // own
        long peakBeforeReads = this.timeline.peakTotal();
        try {
            reads(pipeline.articleIds());
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
        Benchmark.step("stories: the labelled evaluation set through ingest, its stories read back");
        this.timeline.leg("stories", Map.of());
        try {
            new StoryLeg(this.http, this.stack, this.ingest, this.report).run();
        }
        catch (Exception ex) {
            this.report.add("stories: the leg failed", ex.toString());
        }
        return new Outcome(peakBeforeReads, new LinkedHashMap<>(this.percentiles));
    }

    private Pipeline pipeline() throws Exception {
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
        Profiler profiler = this.settings.profile() ? Profiler.start(this.settings.out(), this.stack.processes())
                : null;
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
        CpuUse cpu = CpuUse.between("pipeline", cpuBefore, this.stack.cpuSeconds(), 2 * half);
        if (profiler != null) {
            Benchmark.step("pipeline: flight recordings written to "
                    + this.settings.home().relativize(this.settings.out().resolve("profiles")) + " ("
                    + profiler.stop().size() + " summaries)");
        }
        Benchmark.step(String.format(Locale.ROOT, "pipeline: all queryable after %.1f s", endToEndSeconds));
        return new Pipeline(2 * half / acceptSeconds, 2 * half / endToEndSeconds, cpu, Arrays.asList(ids));
    }

    /** Rebuilds both read models at once. */
    private Rebuild consumeLeg(long events) throws Exception {
        Benchmark.step("consume leg: POST /actuator/rebuild to article-service and board-service");
        return rebuild("consume leg", List.of(this.stack.articleManagementUrl(), this.stack.boardManagementUrl()),
                events);
    }

    /**
     * newsflow and its peers on the same topic, one after the other with nothing else
     * running (the story worker has nothing left to regroup before each): article-service
     * rebuilding its read model, then the MongoDB Kafka sink connector writing the same
     * records into a database of its own, plain (the reference) and like for like (the
     * same documents, tokens and fingerprint, the newer revision kept, into a collection
     * with article-service's indexes).
     */
    private void peer(long articles) throws Exception {
        StoryLeg stories = new StoryLeg(this.http, this.stack, this.ingest, this.report);
        Benchmark.step("peer: waiting until article-service has no story left to regroup");
        StoryLeg.Settled settled = stories.settle();
        Benchmark.step("peer: article-service alone rebuilds from the article topic");
        Rebuild newsflow = rebuild("article rebuild", List.of(this.stack.articleManagementUrl()), articles);
        Benchmark.step("peer: waiting until the rebuilt collection's stories are worked out");
        StoryLeg.Settled rebuiltSettled = stories.settle();
        Benchmark
            .step("peer: the MongoDB Kafka sink connector (Kafka Connect standalone), plain, reads the same topic");
        PeerConnector.Result plain = PeerConnector.run(PeerConnector.Setup.PLAIN, List.of(), this.settings.home(),
                this.settings.out(), this.stack, Topics.ARTICLES, 3, articles, this.timeline, this.http);
        this.report.add("peer: MongoDB Kafka sink connector, plain (reference: default write model, value as it is)",
                Report.rate(plain.perSecond()));
        plain.cpu().addTo(this.report);
        Benchmark.step("peer: the sink connector like for like (peer-connector: tokens, fingerprint, newer revision)");
        PeerConnector.Result like = PeerConnector.run(PeerConnector.Setup.LIKE_FOR_LIKE, this.store.articleIndexes(),
                this.settings.home(), this.settings.out(), this.stack, Topics.ARTICLES, 3, articles, this.timeline,
                this.http);
        this.report.add(
                "peer: MongoDB Kafka sink connector, like for like (Nori tokens, fingerprint, newer revision, article-service's indexes)",
                Report.rate(like.perSecond()));
        like.cpu().addTo(this.report);
        double ratio = newsflow.perSecond() / like.perSecond();
        this.report.add("peer: article-service rebuild, same topic, same documents", Report.rate(newsflow.perSecond()),
                Report.ratio(ratio) + " like for like", ">= 1.20x like for like", ratio >= 1.2);
        this.report.add("  article-service rebuild against the plain connector",
                Report.ratio(newsflow.perSecond() / plain.perSecond()) + " plain");
        newsflow.cpu().addTo(this.report);
        settled.addTo(this.report, "the article rebuild");
        rebuiltSettled.addTo(this.report, "the connectors");
    }

    /**
     * {@code POST /actuator/rebuild} to each service, then waits until each serves its
     * new collection.
     * @param events what the rebuilds read together
     */
    private Rebuild rebuild(String leg, List<String> services, long events) throws Exception {
        AtomicLong[] read = new AtomicLong[services.size()];
        for (int i = 0; i < read.length; i++) {
            read[i] = new AtomicLong();
        }
        LongSupplier rebuilt = () -> Arrays.stream(read).mapToLong(AtomicLong::get).sum();
        // a rebuild serves its collection before it ends: it tails the old one for the
        // grace period; a start before then answers the running one
        for (String service : services) {
            long idleBy = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (rebuild(service, "GET").get("state").asString().equals("running") && System.nanoTime() < idleBy) {
                Thread.sleep(500);
            }
        }
        this.timeline.leg(leg + " (rebuild)", Map.of("rebuilt", rebuilt));
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
        CpuUse cpu = CpuUse.between(leg, cpuBefore, this.stack.cpuSeconds(), events);
        Benchmark.step(String.format(Locale.ROOT, "%s: served after %s s", leg, Arrays.toString(seconds)));
        return new Rebuild(events / slowest, cpu);
    }

    private JsonNode rebuild(String managementUrl, String method) throws Exception {
        HttpResponse<String> response = this.http
            .send(HttpRequest.newBuilder(URI.create(managementUrl + "/actuator/rebuild"))
                .header("X-API-Key", StackUnderTest.OPERATOR_KEY)
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(method + " /actuator/rebuild answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private void reads(List<String> articleIds) throws Exception {
        int lookupRate = this.settings.readRate();
        int pageRate = this.settings.pageRate();
        Duration duration = this.settings.readDuration();
        ReadLoad load = new ReadLoad(this.http, this.stack, articleIds, this.settings.events() / 2);
        Duration step = Duration.ofSeconds(Math.min(RAMP_STEP.toSeconds(), duration.toSeconds()));
        Benchmark.step(String.format(Locale.ROOT,
                "reads: %,d lookups/s by id, then %,d pages/s, %d s each over %,d stored"
                        + " (each after a ramp of four %d s steps)",
                lookupRate, pageRate, duration.toSeconds(), this.store.stored(), step.toSeconds()));
        this.timeline.leg("reads", Map.of());
        Duration coldSeconds = Duration.ofSeconds(Math.min(10, duration.toSeconds()));
        Latencies cold = combined(load.run(ReadLoad.LOOKUPS, lookupRate, coldSeconds), ReadLoad.LOOKUPS);
        Map<String, Latencies> alone = load.alone(20, 5);
        load.settle(alone, Duration.ofMinutes(3));
        Map<String, Latencies> latencies = new LinkedHashMap<>();
        for (List<String> kinds : List.of(ReadLoad.LOOKUPS, ReadLoad.PAGES)) {
            int rate = kinds == ReadLoad.LOOKUPS ? lookupRate : pageRate;
            load.ramp(kinds, rate, step);
            load.settle(alone, Duration.ofMinutes(3));
            latencies.putAll(load.run(kinds, rate, duration));
            load.settle(alone, Duration.ofMinutes(3));
        }
        this.report.add(
                String.format(Locale.ROOT,
                        "reads: lookups by id cold, the first %d s at %d/s on services that served no reads yet,"
                                + " p50 / p99 (%d errors)",
                        coldSeconds.toSeconds(), lookupRate, cold.errors()),
                Report.millis(cold.percentileMillis(50)) + " / " + Report.millis(cold.percentileMillis(99)));
        Latencies lookups = combined(latencies, ReadLoad.LOOKUPS);
        readRows("lookups by id", lookups, lookupRate, 10);
        double longest = lookups.percentileMillis(100);
        this.report.add("stall: longest a paced lookup waited (open loop, from when it was due)",
                Report.millis(longest), "", "<= 50 ms", longest <= Benchmark.STALL_LIMIT_MILLIS);
        readRows("listing/search pages (seed board: 30,000 posts at 100,000 events)",
                combined(latencies, ReadLoad.PAGES), pageRate, 150);
        latencies.forEach((kind, samples) -> this.report.add(
                String.format(Locale.ROOT, "  %s p50 / p99 (alone: p50 %s)", kind,
                        Report.millis(alone.get(kind).percentileMillis(50))),
                Report.millis(samples.percentileMillis(50)) + " / " + Report.millis(samples.percentileMillis(99))));
        this.percentiles.put("by-id", Percentiles.of(combined(latencies, ReadLoad.LOOKUPS)));
        this.percentiles.put("listing/search", Percentiles.of(combined(latencies, ReadLoad.PAGES)));
    }

    private static Latencies combined(Map<String, Latencies> latencies, List<String> kinds) {
        Latencies combined = new Latencies();
        kinds.forEach(kind -> combined.addAll(latencies.get(kind)));
        return combined;
    }

    private void readRows(String name, Latencies latencies, int perSecond, double targetMillis) {
        double p99 = latencies.percentileMillis(99);
        String rate = String.format(Locale.ROOT, "%d at %d/s", latencies.count(), perSecond);
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
        Percentiles server = new Percentiles(recorded.quantile(0.50) * 1000, recorded.quantile(0.95) * 1000,
                recorded.quantile(0.99) * 1000);
        String sent = String.format(Locale.ROOT, "%,d events at %,d/s", load.sent(), rate);
        this.report.add("freshness p50 / p95 (service histogram, " + sent + ")",
                Report.millis(server.p50()) + " / " + Report.millis(server.p95()));
        this.report.add("freshness p99 (service histogram, " + (long) recorded.count() + " events)",
                Report.millis(server.p99()), "", "<= 100 ms", server.p99() <= 100);
        this.report.add("freshness seen from outside: 202 to first 200 by id, p50 / p99 (" + probe.count() + " probes)",
                Report.millis(probe.percentileMillis(50)) + " / " + Report.millis(probe.percentileMillis(99)));
        this.percentiles.put("freshness (service)", server);
        this.percentiles.put("freshness (probe)", Percentiles.of(probe));
    }

}
