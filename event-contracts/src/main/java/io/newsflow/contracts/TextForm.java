package io.newsflow.contracts;

import java.text.Normalizer;

/**
 * The one form text takes in newsflow's events, and in which the read APIs read the text
 * they are asked for, so that a query finds what ingest stored: Unicode NFC, every kind
 * of white space as one space, control characters and the bidirectional controls (U+200E,
 * U+200F, U+061C, U+202A to U+202E, U+2066 to U+2069) dropped, trimmed. Whether a value
 * shows anything at all is {@link #hasVisible}.
 */
public final class TextForm {

    private TextForm() {
    }

    /**
     * NFC, every run of white space as one space, control and bidirectional characters
     * dropped, trimmed; empty when nothing is left.
     */
    public static String line(String value) {
        // most text arrives in NFC with single spaces: check before building anything
        // (a regex replace of every field was a fifth of ingest's CPU)
        String normalized = Normalizer.isNormalized(value, Normalizer.Form.NFC) ? value
                : Normalizer.normalize(value, Normalizer.Form.NFC);
        String collapsed = collapseSpaces(normalized);
        int start = collapsed.startsWith(" ") ? 1 : 0;
        int end = collapsed.endsWith(" ") && collapsed.length() > start ? collapsed.length() - 1 : collapsed.length();
        return start >= end ? "" : collapsed.substring(start, end);
    }

    /** Whether some character of the text shows: a blank-looking title is no title. */
    public static boolean hasVisible(String value) {
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
    private static boolean isBidiControl(char c) {
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
    private static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF'
                || c == '\u180E';
    }

}
