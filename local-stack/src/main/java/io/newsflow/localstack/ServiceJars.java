package io.newsflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Finds the executable jar the build made for a service
 * ({@code <module>/target/<module>-<version>-exec.jar}).
 */
final class ServiceJars {

    private ServiceJars() {
    }

    static Path find(Path home, String module) throws IOException {
        Path target = home.resolve(module).resolve("target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> missing(module));
            }
        }
        throw missing(module);
    }

    private static IllegalStateException missing(String module) {
        return new IllegalStateException("no executable jar of " + module + "; build it with ./mvnw package");
    }

}
