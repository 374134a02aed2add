package io.newsflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Once a second: the resident memory of every stack process (peaks kept) and the counters
 * of the leg that runs (events accepted, stored, rebuilt), for the throughput-over-time
 * chart.
 */
final class Timeline implements AutoCloseable {

    /** One sample: seconds since the run started, the leg, and each counter's value. */
    record Sample(double seconds, String leg, Map<String, Long> counters, long residentBytes) {
    }

    private final List<StackUnderTest.StackProcess> processes;

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "timeline");
        thread.setDaemon(true);
        return thread;
    });

    private final long started = System.nanoTime();

    private final List<Sample> samples = new ArrayList<>();

    private final Map<String, Long> peakByProcess = new LinkedHashMap<>();

    private final Map<String, LongSupplier> counters = new LinkedHashMap<>();

    private String leg = "start";

    private long peakTotal;

    Timeline(List<StackUnderTest.StackProcess> processes) {
        this.processes = processes;
        this.sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    /** From now on samples belong to {@code leg} and record these counters. */
    synchronized void leg(String leg, Map<String, LongSupplier> counters) {
        this.leg = leg;
        this.counters.clear();
        this.counters.putAll(counters);
    }

    synchronized Map<String, Long> peakByProcess() {
        return new LinkedHashMap<>(this.peakByProcess);
    }

    synchronized long peakTotal() {
        return this.peakTotal;
    }

    synchronized List<Sample> samples() {
        return new ArrayList<>(this.samples);
    }

    /** The resident bytes of every process now. */
    Map<String, Long> residentNow() {
        Map<String, Long> resident = new LinkedHashMap<>();
        this.processes.forEach(process -> resident.put(process.name(), process.residentBytes()));
        return resident;
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("seconds,leg,counter,value,stack_resident_bytes");
        for (Sample sample : samples()) {
            sample.counters()
                .forEach((name, value) -> lines.add(String.format("%.1f,%s,%s,%d,%d", sample.seconds(), sample.leg(),
                        name, value, sample.residentBytes())));
        }
        Files.write(file, lines);
    }

    private synchronized void sample() {
        try {
            long total = 0;
            for (Map.Entry<String, Long> resident : residentNow().entrySet()) {
                this.peakByProcess.merge(resident.getKey(), resident.getValue(), Math::max);
                total += resident.getValue();
            }
            this.peakTotal = Math.max(this.peakTotal, total);
            Map<String, Long> values = new LinkedHashMap<>();
            this.counters.forEach((name, counter) -> values.put(name, counter.getAsLong()));
            this.samples.add(new Sample((System.nanoTime() - this.started) / 1e9, this.leg, values, total));
        }
        catch (RuntimeException ex) {
            // a counter that cannot be read this second (the store busy, say) is read the
            // next
        }
    }

    @Override
    public void close() {
        this.sampler.shutdownNow();
    }

}
