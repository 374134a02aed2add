package io.newsflow.projection.search;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KoreanTokensTests {

    @Test
    void inflectedFormsShareTheTokensOfTheirStem() {
        assertThat(KoreanTokens.of("한국과 카자흐스탄과의 협력")).containsAll(KoreanTokens.of("카자흐스탄"));
        assertThat(KoreanTokens.of("카자흐스탄의 인프라")).containsAll(KoreanTokens.of("카자흐스탄"));
        assertThat(KoreanTokens.of("핵심광물 공급망을 강화해야")).containsAll(KoreanTokens.of("공급망"));
    }

    @Test
    void particlesAndEndingsAreNotTokens() {
        assertThat(KoreanTokens.of("카자흐스탄과")).doesNotContain("과");
        assertThat(KoreanTokens.of("공급망을")).doesNotContain("을");
    }

    @Test
    void unrelatedWordsDoNotMatch() {
        assertThat(KoreanTokens.of("반도체 공장 증설")).doesNotContainAnyElementsOf(KoreanTokens.of("카자흐스탄"));
    }

    @Test
    void latinIsLowerCasedAndEmptyTextHasNoTokens() {
        assertThat(KoreanTokens.of("HBM4로 판도 바꾼다")).contains("hbm");
        assertThat(KoreanTokens.of(List.of(" ", ""))).isEmpty();
    }

}
