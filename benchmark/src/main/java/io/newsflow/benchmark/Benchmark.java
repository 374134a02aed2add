package io.newsflow.benchmark;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * {@code ./newsflow bench}: starts the local stack as a user does, then measures in one
 * run, so every ratio compares figures taken on the same machine minutes apart:
 * <ol>
 * <li>the raw baselines: Kafka's producer tool against the stack's broker, and bulk
 * upserts of the stored documents into the stack's MongoDB;</li>
 * <li>the pipeline: batch REST ingest of the articles and posts until all are
 * queryable;</li>
 * <li>the consume leg: both read models rebuilt from their topics;</li>
 * <li>read latency at a fixed request rate over what is stored;</li>
 * <li>freshness at a steady event rate;</li>
 * <li>resident memory of every process throughout, and the start time.</li>
 * </ol>
 * Targets are printed as pass or FAIL; they are measurements, not assertions.
 */
public final class Benchmark {

    /** The longest any process of the stack may stand still (issue 23's target). */
    static final double STALL_LIMIT_MILLIS = 50;

    private final BenchSettings settings;

    private final Report report = new Report();

    private Benchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("newsflow.home", ".")).toAbsolutePath().normalize();
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.println(BenchSettings.USAGE);
            System.exit(0);
        }
        BenchSettings settings;
        try {
            settings = BenchSettings.parse(args, home);
        }
        catch (IllegalArgumentException ex) {
            System.err.println("newsflow bench: " + ex.getMessage());
            System.err.println(BenchSettings.USAGE);
            System.exit(2);
            return;
        }
        try {
            new Benchmark(settings).run();
            System.exit(0);
        }
        catch (Exception ex) {
            System.err.println("newsflow bench: the run failed: " + ex);
            ex.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path out = this.settings.out();
        Files.createDirectories(out);
        String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        step("starting the stack: ./newsflow up (free ports, data in " + this.settings.home().relativize(out)
                + "/data)");
        HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8))
            .build();
        List<Timeline.Sample> samples;
        Map<String, Percentiles> percentiles;
        Map<String, String> environment = new LinkedHashMap<>();
        if (this.settings.store() != null) {
            environment.put("NEWSFLOW_STORE", this.settings.store());
        }
        try (StackUnderTest stack = StackUnderTest.start(this.settings.home(), out.resolve("data"),
                out.resolve("stack.log"), environment);
                StoreProbe store = new StoreProbe(stack.mongoUri());
                Timeline timeline = new Timeline(stack.processes())) {
            this.report.add("./newsflow up to ready (warm build)", Report.seconds(stack.readySeconds()), "", "<= 20 s",
                    stack.readySeconds() <= 20);
            Map<String, Long> atReady = timeline.residentNow();
            startupCpu(stack);
            BenchmarkRun.Outcome outcome = new BenchmarkRun(this.settings, stack, store, timeline, http, this.report)
                .runAll();
            percentiles = outcome.percentiles();
            memory(atReady, timeline, outcome.peakBeforeReads());
            stalls(out.resolve("data").resolve("logs"));
            timeline.writeCsv(out.resolve("timeline.csv"));
            samples = timeline.samples();
            timeline.close();
            if (!this.settings.peersOnly()) {
                powerCut(stack, store, out);
            }
            step("stopping the stack");
        }
        String title = String.format(Locale.ROOT, "newsflow bench — %,d events, %d cores, %s", this.settings.events(),
                Runtime.getRuntime().availableProcessors(), started);
        System.out.println();
        System.out.print(this.report.text());
        this.report.writeMarkdown(out.resolve("report.md"), "newsflow benchmark", context(started));
        try {
            Chart.write(out.resolve("chart.png"), title, samples, percentiles);
        }
        catch (Exception | Error ex) {
            System.err.println("newsflow bench: no chart (" + ex + "); the table and report.md are complete");
        }
        System.out.printf("%n%d of the targets missed; report: %s, chart: %s%n", this.report.failures(),
                this.settings.home().relativize(out.resolve("report.md")),
                this.settings.home().relativize(out.resolve("chart.png")));
    }

    /**
     * Starting is CPU work: what each process used until ready, against the cores there
     * are.
     */
    private void startupCpu(StackUnderTest stack) {
        double total = 0;
        StringBuilder parts = new StringBuilder();
        for (Map.Entry<String, Double> process : stack.cpuSeconds().entrySet()) {
            total += process.getValue();
            parts.append(parts.length() == 0 ? "" : ", ")
                .append(process.getKey())
                .append(' ')
                .append(Report.seconds(process.getValue()));
        }
        this.report.add("  CPU used until ready: " + parts,
                String.format(Locale.ROOT, "%s (%.1f s on %d cores)", Report.seconds(total),
                        total / Runtime.getRuntime().availableProcessors(),
                        Runtime.getRuntime().availableProcessors()));
    }

    /**
     * SIGKILL to every process of the stack at once with everything the run stored, then
     * {@code ./newsflow up} again on the same data: how long until it is ready, until
     * every event is queryable again, and whether any is missing.
     */
    private void powerCut(StackUnderTest stack, StoreProbe store, Path out) {
        try {
            long before = store.stored();
            step(String.format(Locale.ROOT, "power cut: kill -9 of every process holding %,d stored, then up again",
                    before));
            long started = System.nanoTime();
            try (StackUnderTest again = stack.killAndStartAgain(out.resolve("stack-after-kill.log"))) {
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                long stored = store.stored();
                while (stored < before && System.nanoTime() < deadline) {
                    Thread.sleep(200);
                    stored = store.stored();
                }
                double queryable = (System.nanoTime() - started) / 1e9;
                this.report.add(
                        String.format(Locale.ROOT, "after kill -9 holding %,d events: ./newsflow up to ready", before),
                        Report.seconds(again.readySeconds()), "", "<= 20 s", again.readySeconds() <= 20);
                this.report.add("after kill -9: until every event is queryable again",
                        Report.seconds(queryable) + String.format(Locale.ROOT, " (%,d of %,d)", stored, before), "",
                        "none lost", stored >= before);
                step("stopping the stack started again");
            }
        }
        catch (Exception ex) {
            this.report.add("power cut: the leg failed", ex.toString());
        }
    }

    /**
     * The longest each JVM of the stack stood still during the run, from its GC log
     * (before the power cut starts them again).
     */
    private void stalls(Path logs) {
        JvmStalls.read(logs, STALL_LIMIT_MILLIS)
            .forEach((process, stalls) -> this.report.add(
                    String.format(Locale.ROOT, "stall: longest stop of %s (GC log: %,d stops, %,d over %.0f ms)",
                            process, stalls.count(), stalls.overLimit(), STALL_LIMIT_MILLIS),
                    Report.millis(stalls.longestMillis()), "", "<= 50 ms",
                    stalls.longestMillis() <= STALL_LIMIT_MILLIS));
    }

    private void memory(Map<String, Long> atReady, Timeline timeline, long peakBeforeReads) {
        Map<String, Long> peaks = timeline.peakByProcess();
        atReady.forEach((name, resident) -> this.report.add("resident memory: " + name + " (ready / peak)",
                Report.megabytes(resident) + " / " + Report.megabytes(peaks.getOrDefault(name, resident))));
        long ready = atReady.values().stream().mapToLong(Long::longValue).sum();
        this.report.add("resident memory: whole stack at ready", Report.megabytes(ready), "", "<= 1,536 MB",
                ready <= 1536L * 1024 * 1024);
        this.report.add("resident memory: whole stack, peak until the read leg (start, ingest, rebuild)",
                Report.megabytes(peakBeforeReads), "", "<= 1,536 MB", peakBeforeReads <= 1536L * 1024 * 1024);
        this.report.add("resident memory: whole stack, peak of the run (read leg included)",
                Report.megabytes(timeline.peakTotal()), "", "<= 1,536 MB", timeline.peakTotal() <= 1536L * 1024 * 1024);
    }

    private List<String> context(String started) {
        List<String> context = new ArrayList<>();
        context.add("run started " + started + "; " + Runtime.getRuntime().availableProcessors() + " cores; Java "
                + System.getProperty("java.version") + "; " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch"));
        context.add(String.format(Locale.ROOT,
                "%,d events through the pipeline (half articles, half posts), "
                        + "batches of %d, %d concurrent senders",
                this.settings.events(), this.settings.batchSize(), this.settings.senders()));
        context.add(String.format(Locale.ROOT, "freshness leg: %,d events/s for %d s", this.settings.paceRate(),
                this.settings.paceDuration().toSeconds()));
        context
            .add("the stack as ./newsflow up runs it: Kafka broker (own JVM), mongo-java-server (launcher JVM; store "
                    + (this.settings.store() == null ? "the default" : this.settings.store())
                    + "), three services (own JVMs); the load generator and the peer connector run on the same machine");
        context.add(String.format(Locale.ROOT, "read leg: %,d lookups/s, then %,d pages/s, %d s each",
                this.settings.readRate(), this.settings.pageRate(), this.settings.readDuration().toSeconds()));
        return context;
    }

    static void step(String message) {
        System.out.printf("[bench %s] %s%n", LocalTime.now().withNano(0), message);
    }

}
