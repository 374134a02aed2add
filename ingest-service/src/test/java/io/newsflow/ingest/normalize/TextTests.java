package io.newsflow.ingest.normalize;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextTests {

    @Test
    void composesDecomposedHangulToNfc() {
        String decomposed = "\u1112\u1161\u11AB\u1100\u1173\u11AF"; // 한글 as conjoining
                                                                    // jamo
        assertThat(Text.line(decomposed)).isEqualTo("한글");
    }

    @Test
    void collapsesWhitespaceAndKeepsKoreanPunctuation() {
        assertThat(Text.line("  “물류\u00A0거점”   ‘확대’…\u3000정부·지자체ㆍ기업  ")).isEqualTo("“물류 거점” ‘확대’… 정부·지자체ㆍ기업");
    }

    @Test
    void turnsEveryKindOfSpaceIntoOneSpace() {
        assertThat(Text.line("가\t나")).isEqualTo("가 나");
        assertThat(Text.line("가 \r\n나\u2003\u200B다\uFEFF")).isEqualTo("가 나 다");
        assertThat(Text.line("이미 고른 한 줄")).isEqualTo("이미 고른 한 줄");
    }

    @Test
    void blankBecomesNull() {
        assertThat(Text.line(" \t ")).isNull();
        assertThat(Text.lines(List.of("가", " ", "나"))).containsExactly("가", "나");
    }

    @Test
    void splitsABodyIntoParagraphsAtBlankLinesWhateverTheLineEndings() {
        assertThat(Text.paragraphs("첫 문단\r\n이어지는 줄\r\n\r\n둘째 문단\r\n")).containsExactly("첫 문단 이어지는 줄", "둘째 문단");
        assertThat(Text.paragraphs("한 줄\n또 한 줄")).containsExactly("한 줄", "또 한 줄");
    }

}
