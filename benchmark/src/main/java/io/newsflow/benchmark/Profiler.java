package io.newsflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.newsflow.processes.ChildProcess;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * JDK Flight Recorder over one leg: {@code jcmd JFR.start} in each process of the stack
 * when the leg starts, {@code JFR.stop} into {@code <out>/profiles/<process>.jfr} when it
 * ends, and a text summary of each recording's CPU samples next to it: the methods that
 * were on CPU themselves (self) and the project's methods with everything they called
 * (total), so the table's "CPU µs per event" rows can be traced to code.
 */
final class Profiler {

    private static final Path JCMD = Path.of(ProcessHandle.current().info().command().orElse("java"))
        .resolveSibling("jcmd");

    private final Path directory;

    private final List<StackUnderTest.StackProcess> processes;

    private Profiler(Path directory, List<StackUnderTest.StackProcess> processes) {
        this.directory = directory;
        this.processes = processes;
    }

    static Profiler start(Path out, List<StackUnderTest.StackProcess> processes)
            throws IOException, InterruptedException {
        Path directory = Files.createDirectories(out.resolve("profiles"));
        Profiler profiler = new Profiler(directory, processes);
        for (StackUnderTest.StackProcess process : processes) {
            profiler.jcmd(process, "JFR.start", "name=bench", "settings=profile");
        }
        return profiler;
    }

    /** Stops every recording and writes its summary; returns the summaries' files. */
    List<Path> stop() throws IOException, InterruptedException {
        List<Path> summaries = new ArrayList<>();
        for (StackUnderTest.StackProcess process : this.processes) {
            Path recording = this.directory.resolve(fileName(process) + ".jfr");
            jcmd(process, "JFR.stop", "name=bench", "filename=" + recording);
            if (Files.isRegularFile(recording)) {
                Path summary = this.directory.resolve(fileName(process) + ".txt");
                Files.writeString(summary, summary(recording, 25));
                summaries.add(summary);
            }
        }
        return summaries;
    }

    /**
     * The top methods of a recording's execution samples: by self samples, and the
     * project's own ({@code io.newsflow}) by total samples.
     */
    static String summary(Path recording, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = stack.getFrames();
            self.merge(name(frames.get(0)), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String name = name(frame);
                if (seen.add(name)) {
                    total.merge(name, 1, Integer::sum);
                }
            }
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%s: %,d CPU samples%n%nself%n", recording.getFileName(), samples));
        appendTop(text, self, samples, top, name -> true);
        text.append(String.format(Locale.ROOT, "%ntotal, io.newsflow methods and what they call%n"));
        appendTop(text, total, samples, top, name -> name.startsWith("io.newsflow"));
        text.append(String.format(Locale.ROOT, "%ntotal, every method%n"));
        appendTop(text, total, samples, top, name -> true);
        return text.toString();
    }

    private static void appendTop(StringBuilder text, Map<String, Integer> counts, int samples, int top,
            Predicate<String> which) {
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet()
            .stream()
            .filter(entry -> which.test(entry.getKey()))
            .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
            .limit(top)
            .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        sorted.forEach((name, count) -> text
            .append(String.format(Locale.ROOT, "  %5.1f%%  %s%n", 100.0 * count / Math.max(1, samples), name)));
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static String fileName(StackUnderTest.StackProcess process) {
        return process.name().split(" ")[0];
    }

    private void jcmd(StackUnderTest.StackProcess process, String... command) throws IOException, InterruptedException {
        ChildProcess.command("jcmd", JCMD)
            .arguments(String.valueOf(process.pid()))
            .arguments(command)
            .log(this.directory.resolve("jcmd.log"))
            .run(Duration.ofMinutes(2));
    }

}
