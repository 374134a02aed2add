package io.newsflow.ingest.normalize;

import java.text.Normalizer;
import java.util.List;
import java.util.Objects;

/**
 * Text normalisation applied to every field: Unicode NFC and whitespace collapsed inside a line.
 * Korean punctuation (“ ” ‘ ’ … · ㆍ) is kept as it is.
 */
public final class Text {


    private Text() {
    }

    /** NFC, whitespace runs as one space, trimmed; {@code null} or blank gives {@code null}. */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        // most text arrives in NFC with single spaces: check before building anything (a regex replace
        // of every field was a fifth of ingest's CPU)
        String normalized = Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
        String collapsed = collapseSpaces(normalized).trim();
        return collapsed.isEmpty() ? null : collapsed;
    }

    /** Every run of white space (ASCII, no-break, the U+2000 block, ideographic, BOM) as one space. */
    private static String collapseSpaces(String value) {
        StringBuilder collapsed = null;
        boolean inSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean space = isSpace(c);
            boolean keep = !space || !inSpace;
            if (collapsed == null && (!keep || (space && c != ' '))) {
                collapsed = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (collapsed != null && keep) {
                collapsed.append(space ? ' ' : c);
            }
            inSpace = space;
        }
        return collapsed == null ? value : collapsed.toString();
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u00A0' || (c >= '\u2000' && c <= '\u200B')
                || c == '\u3000' || c == '\uFEFF';
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
