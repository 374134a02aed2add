package io.newsflow.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.newsflow.embeddedmongo.EmbeddedMongo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What `./newsflow up` reads from the environment about its store and its services. */
class StackSettingsTests {

    private static final Path HOME = Path.of("/tmp/newsflow");

    @Test
    void theStoreIsTheFileWithItsDefaultCacheUnlessTheEnvironmentNamesAnother() {
        StackSettings defaults = StackSettings.from(Map.of(), HOME);
        assertThat(defaults.store()).isEqualTo(EmbeddedMongo.Store.H2);
        assertThat(defaults.storeCacheMegabytes()).isEqualTo(384);
        assertThat(defaults.serviceJavaOptions()).isEmpty();

        StackSettings chosen = StackSettings.from(Map.of("NEWSFLOW_STORE", "memory", "NEWSFLOW_STORE_CACHE_MB", "64",
                "NEWSFLOW_SERVICE_JAVA_OPTIONS", " -XX:+UseSerialGC  -Dname={service} "), HOME);
        assertThat(chosen.store()).isEqualTo(EmbeddedMongo.Store.MEMORY);
        assertThat(chosen.storeCacheMegabytes()).isEqualTo(64);
        assertThat(chosen.serviceJavaOptions()).isEqualTo(List.of("-XX:+UseSerialGC", "-Dname={service}"));
    }

    @Test
    void theServicesRunTheSerialCollectorUnlessTheirOptionsNameAnotherAndEveryJvmLogsItsStops() {
        assertThat(StackSettings.from(Map.of(), HOME).serviceCollector()).containsExactly("-XX:+UseSerialGC");
        assertThat(StackSettings.from(Map.of("NEWSFLOW_SERVICE_JAVA_OPTIONS", "-Dname={service}"), HOME)
            .serviceCollector()).containsExactly("-XX:+UseSerialGC");
        assertThat(StackSettings.from(Map.of("NEWSFLOW_SERVICE_JAVA_OPTIONS", "-XX:+UseZGC -Xmx384m"), HOME)
            .serviceCollector()).isEmpty();
        assertThat(StackSettings.from(Map.of("NEWSFLOW_SERVICE_JAVA_OPTIONS", "-XX:+UseShenandoahGC"), HOME)
            .serviceCollector()).isEmpty();

        assertThat(StackSettings.from(Map.of("NEWSFLOW_DATA", "/tmp/run"), HOME).gcLogOption("article-service"))
            .startsWith("-Xlog:gc,safepoint:file=")
            .contains("article-service-gc.log:");
    }

    @Test
    void anUnknownStoreOrCacheSizeIsRefusedSayingWhatIsAccepted() {
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSFLOW_STORE", "postgres"), HOME))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("h2, h2-cache or memory");
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSFLOW_STORE_CACHE_MB", "8"), HOME))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("NEWSFLOW_STORE_CACHE_MB");
        assertThatThrownBy(() -> StackSettings.from(Map.of("NEWSFLOW_STORE_CACHE_MB", "lots"), HOME))
            .hasMessageContaining("whole number");
    }

}
