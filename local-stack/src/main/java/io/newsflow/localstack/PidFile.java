package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One stack per data directory: two brokers on one log directory would fail on its lock,
 * and two Mongo servers on one file would corrupt it. A pid file left by a killed stack
 * is taken over.
 */
final class PidFile {

    private static final String NAME = "newsflow.pid";

    private PidFile() {
    }

    static void claim(Path data) throws IOException {
        Path file = data.resolve(NAME);
        if (Files.exists(file)) {
            String text = Files.readString(file).trim();
            boolean alive = !text.isEmpty() && text.chars().allMatch(Character::isDigit)
                    && ProcessHandle.of(Long.parseLong(text)).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                throw new IllegalStateException("newsflow already runs from " + data + " (pid " + text + ")");
            }
        }
        Files.writeString(file, String.valueOf(ProcessHandle.current().pid()));
    }

    static void release(Path data) {
        try {
            Files.deleteIfExists(data.resolve(NAME));
        }
        catch (IOException ex) {
            // the next start takes a stale file over
        }
    }

}
