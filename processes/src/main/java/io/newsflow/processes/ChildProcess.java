package io.newsflow.processes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A process this project started: a JVM (this JVM's own {@code java}) or a tool, its
 * output appended to a log file. Stopped with SIGTERM first, so it can shut down cleanly,
 * and killed only when it does not stop within the grace period.
 */
public final class ChildProcess {

    /** How long {@link #stop()} waits after SIGTERM before it kills. */
    public static final Duration GRACE = Duration.ofSeconds(30);

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final String name;

    private final Process process;

    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** A JVM run by the same {@code java} as this one. */
    public static Builder java(String name) {
        return new Builder(name, JAVA);
    }

    /** A tool run from its executable. */
    public static Builder command(String name, Path executable) {
        return new Builder(name, executable.toString());
    }

    public String name() {
        return this.name;
    }

    public Path log() {
        return this.log;
    }

    public long pid() {
        return this.process.pid();
    }

    public boolean isAlive() {
        return this.process.isAlive();
    }

    /** Its exit value; only once it has exited. */
    public int exitValue() {
        return this.process.exitValue();
    }

    /** The processes it started, and theirs, while they run. */
    public List<ProcessHandle> descendants() {
        return this.process.descendants().toList();
    }

    /**
     * Waits for the process to exit on its own.
     * @return its exit value
     * @throws IllegalStateException (after killing it) when it has not exited in time
     */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(
                    this.name + " did not finish within " + timeout.toSeconds() + " s; see " + this.log);
        }
        return this.process.exitValue();
    }

    /** SIGTERM, then SIGKILL after {@link #GRACE}; waits until the process is gone. */
    public void stop() {
        stop(GRACE);
    }

    /**
     * SIGTERM, then SIGKILL when the process has not exited within {@code grace}; waits
     * until it is gone.
     */
    public void stop(Duration grace) {
        if (!this.process.isAlive()) {
            return;
        }
        this.process.destroy();
        try {
            if (!this.process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                kill();
            }
        }
        catch (InterruptedException ex) {
            this.process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL: no shutdown hook runs, nothing is flushed. Waits until the process is
     * gone.
     */
    public void kill() throws InterruptedException {
        this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** What to start: the command, its environment, where it runs and logs. */
    public static final class Builder {

        private final String name;

        private final List<String> command = new ArrayList<>();

        private final Map<String, String> environment = new LinkedHashMap<>();

        private final List<String> unset = new ArrayList<>();

        private Path directory;

        private Path log;

        private Builder(String name, String executable) {
            this.name = name;
            this.command.add(executable);
        }

        public Builder arguments(String... arguments) {
            return arguments(List.of(arguments));
        }

        public Builder arguments(List<String> arguments) {
            this.command.addAll(arguments);
            return this;
        }

        /** Variables set on top of this process's environment. */
        public Builder environment(Map<String, String> variables) {
            this.environment.putAll(variables);
            return this;
        }

        public Builder environment(String variable, String value) {
            this.environment.put(variable, value);
            return this;
        }

        /** Variables of this process's environment the child does not inherit. */
        public Builder withoutEnvironment(String... variables) {
            this.unset.addAll(List.of(variables));
            return this;
        }

        /**
         * Starts the process as the leader of a new session and process group
         * ({@code setsid}), so one signal to the group (its {@link #pid()}) reaches it
         * and every process it starts.
         */
        public Builder inProcessGroupOfItsOwn() {
            this.command.add(0, "setsid");
            return this;
        }

        public Builder directory(Path directory) {
            this.directory = directory;
            return this;
        }

        /** Where standard output and error are appended (required). */
        public Builder log(Path log) {
            this.log = log.toAbsolutePath();
            return this;
        }

        public ChildProcess start() throws IOException {
            if (this.log == null) {
                throw new IllegalStateException("a child process needs a log file");
            }
            Files.createDirectories(this.log.getParent());
            ProcessBuilder builder = new ProcessBuilder(this.command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()));
            if (this.directory != null) {
                builder.directory(this.directory.toFile());
            }
            this.unset.forEach(builder.environment()::remove);
            builder.environment().putAll(this.environment);
            return new ChildProcess(this.name, builder.start(), this.log);
        }

        /**
         * Starts the process and waits for it to exit.
         * @throws IllegalStateException when it fails or takes longer than
         * {@code timeout}
         */
        public void run(Duration timeout) throws IOException, InterruptedException {
            ChildProcess process = start();
            int exit = process.awaitExit(timeout);
            if (exit != 0) {
                throw new IllegalStateException(this.name + " failed (exit " + exit + "); see " + this.log);
            }
        }

    }

}
