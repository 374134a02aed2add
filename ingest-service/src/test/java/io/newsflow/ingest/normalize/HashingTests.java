package io.newsflow.ingest.normalize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.newsflow.contracts.ArticlePublished.Caption;
import io.newsflow.contracts.PostKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Hashes are part of what is stored: an article without a URL is identified by one, and
 * every event's content hash tells a revision from a repeat. These are the values the
 * first version computed (over {@code toString()}); they must never change.
 */
class HashingTests {

    @Test
    void anArticlesContentHashIsPinned() {
        assertThat(Hashing.sha256("https://news.example.kr/a/1", "제목", List.of("부제 1", "부제 2"),
                List.of("첫 문단.", "둘째 문단."), List.of(new Caption("사진 설명", "연합"), new Caption("둘째 사진", null)), "한빛경제",
                null, Instant.parse("2024-07-24T05:32:00Z"), null, List.of(), "ko"))
            .isEqualTo("f880d74ff2672d7723d3626daa2be542c7a9716102f262688c5f00f72d2f6492");
    }

    @Test
    void aPostsHashesArePinned() {
        assertThat(Hashing.sha256(new PostKey("rank-news", 4812), "제목", "작성자", Instant.parse("2024-07-23T15:00:00Z"),
                12, null, "날씨"))
            .isEqualTo("cb163680dac40c27eed0405a9861a85d5b1c9ee5d1dcf5b10c1d882fee0c81c6");
        assertThat(Hashing.sha256(new PostKey("free", 1), "본문"))
            .isEqualTo("fe2387fe9650793d14a86ba4b56fcaa482cab995dec6bed320aafc274447bc2c");
    }

    @Test
    void fieldsAreSeparated() {
        assertThat(Hashing.sha256("ab", "c")).isNotEqualTo(Hashing.sha256("a", "bc"));
        assertThat(Hashing.sha256(List.of("a, b"))).isNotEqualTo(Hashing.sha256("a, b"));
    }

    @Test
    void aTypeWithoutACanonicalFormIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Hashing.sha256(new Object()));
        assertThatIllegalArgumentException().isThrownBy(() -> Hashing.sha256(List.of(Duration.ZERO)));
    }

}
