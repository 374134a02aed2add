package io.newsflow.ingest.normalize;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Text normalisation applied to every field: Unicode NFC and whitespace collapsed inside a line.
 * Korean punctuation (“ ” ‘ ’ … · ㆍ) is kept as it is.
 */
public final class Text {

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200B\\u3000\\uFEFF]+");

    private Text() {
    }

    /** NFC, whitespace runs as one space, trimmed; {@code null} or blank gives {@code null}. */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = SPACES.matcher(Normalizer.normalize(value, Normalizer.Form.NFC)).replaceAll(" ").trim();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** {@link #line} of each element, dropping the ones that end up blank. */
    public static List<String> lines(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(Text::line).filter(Objects::nonNull).toList();
    }

    /** Splits a body into paragraphs at blank lines (or at line breaks when it has no blank line). */
    public static List<String> paragraphs(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        String unified = body.replace("\r\n", "\n").replace('\r', '\n');
        String separator = unified.contains("\n\n") ? "\\n\\s*\\n" : "\\n";
        return lines(List.of(unified.split(separator)));
    }
}
