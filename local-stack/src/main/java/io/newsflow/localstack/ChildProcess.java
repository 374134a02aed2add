package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.newsflow.kafkaprocess.ProcessStop;

/**
 * A JVM the stack started, its output appended to a log file. Stopped with SIGTERM first,
 * so it can shut down cleanly, and killed only when it does not stop in time.
 */
final class ChildProcess {

    private static final String JAVA = ProcessHandle.current().info().command().orElse("java");

    private final String name;

    private final Process process;

    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ChildProcess startJava(String name, List<String> arguments, Map<String, String> environment, Path log,
            Path workingDirectory) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> command = new java.util.ArrayList<>();
        command.add(JAVA);
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log);
    }

    String name() {
        return this.name;
    }

    Path log() {
        return this.log;
    }

    boolean isAlive() {
        return this.process.isAlive();
    }

    /** SIGTERM, then SIGKILL after the grace period; waits until the process is gone. */
    void stop() {
        ProcessStop.gracefully(this.process, Duration.ofSeconds(30));
    }

}
