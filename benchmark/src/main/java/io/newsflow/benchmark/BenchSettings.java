package io.newsflow.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does, from {@code ./newsflow bench} options.
 *
 * @param events articles and posts of the pipeline and consume legs together (half each)
 * @param senders concurrent batch requests during the pipeline leg
 * @param batchSize items per batch request (ingest takes up to 1,000)
 * @param paceRate events per second of the freshness leg
 * @param paceDuration how long the freshness leg lasts
 * @param readRate lookups per second of the read leg
 * @param pageRate listing and search pages per second of the read leg
 * @param readDuration how long each load of the read leg lasts
 * @param store the embedded store the stack runs ({@code NEWSFLOW_STORE}), null for its
 * default
 * @param profile whether the services run with a flight recording (JFR, profile settings)
 * @param peersOnly whether the run stops after the peer legs (no reads, freshness,
 * stories or power cut)
 * @param home the project directory (where {@code ./newsflow} is)
 * @param out where the report, chart and logs go
 */
record BenchSettings(int events, int senders, int batchSize, int paceRate, Duration paceDuration, int readRate,
        int pageRate, Duration readDuration, String store, boolean profile, boolean peersOnly, Path home, Path out) {

    private static final List<String> FLAGS = List.of("profile", "peers-only");

    static final String USAGE = """
            usage: ./newsflow bench [--events N] [--senders N] [--batch N] [--pace-rate N] [--pace-seconds N]
                                    [--read-rate N] [--page-rate N] [--read-seconds N]
                                    [--store h2|h2-cache|memory] [--profile] [--peers-only]

              --events        articles + posts sent through the pipeline (default 100000, half each)
              --senders       concurrent batch requests while ingesting (default 4)
              --batch         items per batch request, at most 1000 (default 1000)
              --pace-rate     events/s of the freshness leg (default 1000)
              --pace-seconds  length of the freshness leg (default 60)
              --read-rate     lookups by id per second in the read leg (default 500)
              --page-rate     listing and search pages per second in the read leg (default 20)
              --read-seconds  length of each load of the read leg (default 60)
              --store         the embedded store of the stack (default: the stack's own, h2)
              --profile       record the services with JDK Flight Recorder (target/bench/data/logs/*.jfr)
              --peers-only    stop after the legs the peer comparison needs (baselines, pipeline, consume,
                              peers): no reads, freshness, stories or power cut

            Starts its own stack (./newsflow up on free ports, data in target/bench/data) and writes
            target/bench/report.md, target/bench/chart.png and target/bench/timeline.csv.""";

    static BenchSettings parse(String[] args, Path home) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            int equals = arg.indexOf('=');
            if (equals > 0) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
            else if (FLAGS.contains(arg.substring(2))) {
                options.put(arg.substring(2), "true");
            }
            else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            }
            else {
                throw new IllegalArgumentException(arg + " needs a value");
            }
        }
        BenchSettings settings = new BenchSettings(number(options, "events", 100_000, 2),
                number(options, "senders", 4, 1), number(options, "batch", 1000, 1),
                number(options, "pace-rate", 1000, 1), Duration.ofSeconds(number(options, "pace-seconds", 60, 1)),
                number(options, "read-rate", 500, 1), number(options, "page-rate", 20, 1),
                Duration.ofSeconds(number(options, "read-seconds", 60, 1)), store(options.remove("store")),
                Boolean.parseBoolean(options.remove("profile")), Boolean.parseBoolean(options.remove("peers-only")),
                home, home.resolve("target").resolve("bench"));
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("unknown option: --" + options.keySet().iterator().next());
        }
        if (settings.batchSize() > 1000) {
            throw new IllegalArgumentException("--batch is at most 1000, the largest batch ingest accepts");
        }
        return settings;
    }

    private static String store(String value) {
        if (value != null && !List.of("h2", "h2-cache", "memory").contains(value)) {
            throw new IllegalArgumentException("--store is h2, h2-cache or memory: " + value);
        }
        return value;
    }

    private static int number(Map<String, String> options, String name, int fallback, int minimum) {
        String value = options.remove(name);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.replace("_", "").replace(",", ""));
            if (number < minimum) {
                throw new NumberFormatException();
            }
            return number;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(
                    "--" + name + " must be a whole number of at least " + minimum + ": " + value);
        }
    }
}
