package io.newsflow.ingest.normalize;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = { "\u3164", "\u3164\u3164 \u3164", "\u115F\u1160", "\uFFA0", "\u2800\u2800", "\u200D",
            "\u2060", "\u00AD", "\u200C\u200D\u2060\uFEFF", "\u202E\u2066", "\u0301\u0302", "\uFE0F", "\uDB40\uDC41",
            "\u200E \u200F" })
    void textWithNothingVisibleIsBlank(String invisible) {
        assertThat(Text.line(invisible)).isNull();
        assertThat(Text.line(" " + invisible + "\t")).isNull();
    }

    @Test
    void bidirectionalControlsAreDroppedSoATitleCannotDisplayAsWhatItIsNot() {
        assertThat(Text.line("공지 \u202Egpj.exe")).isEqualTo("공지 gpj.exe");
        assertThat(Text.line("\u2066안내\u2069 \u2067문\u2068서\u200F\u061C\u200E")).isEqualTo("안내 문서");
    }

    @Test
    void visibleTextKeepsItsJoinersFillersAndMarks() {
        // a family emoji is three emoji joined by U+200D; a heart with its variation
        // selector
        assertThat(Text.line("가족 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u2764\uFE0F"))
            .isEqualTo("가족 \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 \u2764\uFE0F");
        assertThat(Text.line("\u3164닉네임")).isEqualTo("\u3164닉네임");
        assertThat(Text.line("e\u0301")).isEqualTo("\u00E9");
    }

    @Test
    void splitsABodyIntoParagraphsAtBlankLinesWhateverTheLineEndings() {
        assertThat(Text.paragraphs("첫 문단\r\n이어지는 줄\r\n\r\n둘째 문단\r\n")).containsExactly("첫 문단 이어지는 줄", "둘째 문단");
        assertThat(Text.paragraphs("한 줄\n또 한 줄")).containsExactly("한 줄", "또 한 줄");
    }

}
