package io.newsflow.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.newsflow.processes.ChildProcess;
import io.newsflow.processes.Ports;

/**
 * The stack under test: {@code ./newsflow up} as a user runs it, on free ports and with a
 * data directory of its own, so a developer's running stack and data are left alone.
 */
final class StackUnderTest implements AutoCloseable {

    static final String API_KEY = "bench-key";

    /** The key of the operator endpoints (rebuild) on the management ports. */
    static final String OPERATOR_KEY = "bench-operator-key";

    private final ChildProcess launcher;

    private final Map<String, Integer> ports;

    private final double readySeconds;

    private final Path home;

    private final Path data;

    private final Map<String, String> environment;

    private StackUnderTest(ChildProcess launcher, Map<String, Integer> ports, double readySeconds, Path home, Path data,
            Map<String, String> environment) {
        this.launcher = launcher;
        this.ports = ports;
        this.readySeconds = readySeconds;
        this.home = home;
        this.data = data;
        this.environment = environment;
    }

    /**
     * Starts the stack on an empty data directory and waits for its {@code ready} line.
     * @param environment what else the stack is given, such as {@code NEWSFLOW_STORE}
     */
    static StackUnderTest start(Path home, Path data, Path log, Map<String, String> environment)
            throws IOException, InterruptedException {
        deleteRecursively(data);
        Map<String, Integer> ports = new HashMap<>();
        for (String variable : List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MONGO_PORT", "NEWSFLOW_OPS_PORT",
                "INGEST_PORT", "INGEST_MANAGEMENT_PORT", "ARTICLE_PORT", "ARTICLE_MANAGEMENT_PORT", "BOARD_PORT",
                "BOARD_MANAGEMENT_PORT")) {
            ports.put(variable, Ports.free());
        }
        return start(home, data, log, environment, ports);
    }

    /**
     * SIGKILL to the launcher and everything it started at once, as a power cut would
     * stop them, then {@code ./newsflow up} again on the same data and ports.
     */
    StackUnderTest killAndStartAgain(Path log) throws IOException, InterruptedException {
        List<ProcessHandle> everything = new ArrayList<>(this.launcher.descendants());
        ProcessHandle.of(this.launcher.pid()).ifPresent(everything::add);
        everything.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle process : everything) {
            process.onExit().join();
        }
        return start(this.home, this.data, log, this.environment, this.ports);
    }

    private static StackUnderTest start(Path home, Path data, Path log, Map<String, String> extra,
            Map<String, Integer> ports) throws IOException, InterruptedException {
        Map<String, String> environment = new HashMap<>();
        ports.forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        environment.put("NEWSFLOW_DATA", data.toString());
        environment.put("NEWSFLOW_API_KEYS", API_KEY);
        environment.put("NEWSFLOW_OPERATOR_KEYS", OPERATOR_KEY);
        environment.putAll(extra);
        long logged = Files.exists(log) ? Files.size(log) : 0;
        long started = System.nanoTime();
        ChildProcess launcher = ChildProcess.command("newsflow up", home.resolve("newsflow"))
            .arguments("up")
            .directory(home)
            .withoutEnvironment("KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI")
            .environment(environment)
            .log(log)
            .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(launcher), "stack-stop"));
        while (!isReady(log, logged)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("./newsflow up exited with " + launcher.exitValue() + "; see " + log);
            }
            if (System.nanoTime() - started > TimeUnit.MINUTES.toNanos(5)) {
                launcher.stop();
                throw new IllegalStateException("./newsflow up was not ready within 5 minutes; see " + log);
            }
            Thread.sleep(250);
        }
        return new StackUnderTest(launcher, ports, (System.nanoTime() - started) / 1e9, home, data, extra);
    }

    double readySeconds() {
        return this.readySeconds;
    }

    String ingestUrl() {
        return "http://127.0.0.1:" + this.ports.get("INGEST_PORT");
    }

    String articleUrl() {
        return "http://127.0.0.1:" + this.ports.get("ARTICLE_PORT");
    }

    String boardUrl() {
        return "http://127.0.0.1:" + this.ports.get("BOARD_PORT");
    }

    String articleManagementUrl() {
        return "http://127.0.0.1:" + this.ports.get("ARTICLE_MANAGEMENT_PORT");
    }

    String boardManagementUrl() {
        return "http://127.0.0.1:" + this.ports.get("BOARD_MANAGEMENT_PORT");
    }

    String kafkaBootstrapServers() {
        return "127.0.0.1:" + this.ports.get("KAFKA_PORT");
    }

    String mongoUri() {
        return "mongodb://127.0.0.1:" + this.ports.get("MONGO_PORT");
    }

    /** The launcher and every process it started, each named by what it runs. */
    List<StackProcess> processes() {
        List<StackProcess> processes = new ArrayList<>();
        processes.add(new StackProcess("launcher (mongo, ops page)", this.launcher.pid()));
        this.launcher.descendants().forEach(child -> {
            String command = child.info().commandLine().orElse("");
            String name = command.contains("kafka.Kafka") ? "kafka broker"
                    : command.contains("ingest-service") ? "ingest-service" : command.contains("article-service")
                            ? "article-service" : command.contains("board-service") ? "board-service" : null;
            if (name != null) {
                processes.add(new StackProcess(name, child.pid()));
            }
        });
        return processes;
    }

    /** CPU seconds each process has used so far, by the first word of its name. */
    Map<String, Double> cpuSeconds() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        processes().forEach(process -> cpu.put(process.name().split(" ")[0], process.cpuSeconds()));
        return cpu;
    }

    /** SIGTERM to the launcher, which stops every part it started. */
    @Override
    public void close() {
        stop(this.launcher);
    }

    /**
     * SIGTERM, and after 60 s SIGKILL to the launcher and whatever it started that still
     * runs.
     */
    private static void stop(ChildProcess launcher) {
        List<ProcessHandle> started = launcher.descendants();
        launcher.stop(Duration.ofSeconds(60));
        started.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A process of the stack. */
    record StackProcess(String name, long pid) {

        /** CPU time the process used so far (user and system), 0 once it is gone. */
        double cpuSeconds() {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(this.pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of stat(5), counted from the state field (3)
                return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
            }
            catch (IOException | RuntimeException ex) {
                return 0;
            }
        }

        /** Resident set size in bytes, 0 once the process is gone. */
        long residentBytes() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(this.pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            }
            catch (IOException | NumberFormatException ex) {
                return 0;
            }
            return 0;
        }
    }

    /** Whether the launcher logged its {@code ready in …} line after {@code from}. */
    private static boolean isReady(Path log, long from) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(from, Files.size(log)));
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("ready in ")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
