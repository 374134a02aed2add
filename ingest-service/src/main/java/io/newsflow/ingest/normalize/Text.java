package io.newsflow.ingest.normalize;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Text normalisation applied to every field: Unicode NFC, every kind of white space
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
     * NFC, whitespace runs as one space, trimmed; {@code null} or blank gives
     * {@code null}.
     */
    public static String line(String value) {
        if (value == null) {
            return null;
        }
        // most text arrives in NFC with single spaces: check before building anything (a
        // regex replace
        // of every field was a fifth of ingest's CPU)
        String normalized = Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
        String collapsed = collapseSpaces(normalized);
        int start = collapsed.startsWith(" ") ? 1 : 0;
        int end = collapsed.endsWith(" ") && collapsed.length() > start ? collapsed.length() - 1 : collapsed.length();
        return start >= end || !hasVisible(collapsed) ? null : collapsed.substring(start, end);
    }

    /** Whether some character of the text shows: a blank-looking title is no title. */
    static boolean hasVisible(String value) {
        for (int i = 0; i < value.length();) {
            int c = value.codePointAt(i);
            if (!isInvisible(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean isInvisible(int c) {
        return switch (Character.getType(c)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL,
                    Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK ->
                true;
            default -> c == '\u3164' || c == '\u115F' || c == '\u1160' || c == '\uFFA0' || c == '\u2800'
                    || Character.isWhitespace(c);
        };
    }

    /** A control that reorders how text displays, and so can make it lie. */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069') || c == '\u200E' || c == '\u200F'
                || c == '\u061C';
    }

    /**
     * Every run of white space (what Java calls white space, the no-break and zero-width
     * spaces, the byte-order mark) as one space; other control characters and the
     * bidirectional controls dropped. One pass, and no copy for text that needs neither.
     */
    private static String collapseSpaces(String value) {
        StringBuilder collapsed = null;
        boolean inSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean space = isSpace(c);
            boolean keep = space ? !inSpace : !Character.isISOControl(c) && !isBidiControl(c);
            if (collapsed == null && (!keep || (space && c != ' '))) {
                collapsed = new StringBuilder(value.length()).append(value, 0, i);
            }
            if (collapsed != null && keep) {
                collapsed.append(space ? ' ' : c);
            }
            inSpace = space || (inSpace && !keep);
        }
        return collapsed == null ? value : collapsed.toString();
    }

    /**
     * White space as {@link String#strip} and {@link String#isBlank} see it, plus every
     * Unicode space and the invisible ones.
     */
    static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u180E';
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
