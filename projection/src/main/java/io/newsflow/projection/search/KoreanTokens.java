package io.newsflow.projection.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ko.KoreanAnalyzer;
import org.apache.lucene.analysis.ko.KoreanPartOfSpeechStopFilter;
import org.apache.lucene.analysis.ko.KoreanTokenizer.DecompoundMode;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Search tokens of Korean text, computed when a document is written and stored in an
 * indexed array field, so search works on any MongoDB (self-managed {@code $text} has no
 * Korean analyzer) and on the embedded server. Lucene's Nori analyzer strips particles
 * and endings ({@code 카자흐스탄과} and {@code 카자흐스탄의} give {@code 카자흐스탄}), reads hanja as
 * hangul and lower-cases Latin letters; compounds keep the whole word and its parts
 * ({@code 공급망} gives {@code 공급망}, {@code 공급}, {@code 망}), so a query for either finds
 * them. A query matches a document when the document holds every token of the query.
 */
public final class KoreanTokens {

    private static final Analyzer ANALYZER = new KoreanAnalyzer(null, DecompoundMode.MIXED,
            KoreanPartOfSpeechStopFilter.DEFAULT_STOP_TAGS, false);

    private KoreanTokens() {
    }

    /** The distinct tokens of all the texts, in first-seen order. */
    public static List<String> of(Collection<String> texts) {
        Set<String> tokens = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null && !text.isBlank()) {
                analyze(text, tokens);
            }
        }
        return List.copyOf(tokens);
    }

    public static List<String> of(String text) {
        return of(text == null ? List.of() : List.of(text));
    }

    private static void analyze(String text, Set<String> tokens) {
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("analysing text in memory cannot fail", ex);
        }
    }

}
