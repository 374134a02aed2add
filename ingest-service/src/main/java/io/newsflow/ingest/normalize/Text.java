package io.newsflow.ingest.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import io.newsflow.contracts.TextForm;

/**
 * Text normalisation applied to every field, in the form {@link TextForm} defines (the
 * read APIs read their parameters in it too): Unicode NFC, every kind of white space
 * collapsed to one space inside a line, control characters and the bidirectional controls
 * (U+200E, U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069, which make "공지 " + U+202E
 * + "gpj.exe" display as "공지 exe.jpg") dropped. A value with nothing visible in it (only
 * spaces, format characters such as U+200D or U+2060, soft hyphens, combining marks, or
 * the Hangul and Braille fillers U+3164, U+115F, U+1160, U+FFA0, U+2800) is blank. What
 * remains is kept as written: Korean punctuation (“ ” ‘ ’ … · ㆍ), emoji with their
 * joiners and variation selectors, old Hangul written with conjoining jamo.
 */
public final class Text {

    private Text() {
    }

    /**
     * The {@linkplain TextForm#line canonical line}; {@code null} when it is empty or has
     * nothing visible in it.
     */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        String line = TextForm.line(value);
        return line.isEmpty() || !TextForm.hasVisible(line) ? null : line;
    }

    /** {@link #line} of each element, dropping the ones that end up blank. */
    public static List<String> lines(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(Text::line).filter(Objects::nonNull).toList();
    }

    /**
     * Splits a body into paragraphs at blank lines (or at line breaks when it has no
     * blank line), in one pass over the text.
     */
    public static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        String unified = body.replace("\r\n", "\n").replace('\r', '\n');
        List<String> lines = Arrays.asList(unified.split("\n", -1));
        if (!unified.contains("\n\n")) {
            return lines(lines);
        }
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line(line) == null) {
                paragraphs.add(paragraph.toString());
                paragraph.setLength(0);
            }
            else {
                paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
            }
        }
        paragraphs.add(paragraph.toString());
        return lines(paragraphs);
    }

}
