package io.newsflow.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An article was accepted for the first time or revised. Carries the whole normalised
 * article; {@code contentHash} lets a consumer tell a revision from a repeat of the same
 * content.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePublished(String eventId, Instant occurredAt, int schemaVersion, String articleId, long revision,
        String contentHash, String url, String title, List<String> subtitles, List<String> paragraphs,
        List<Caption> captions, String outlet, String author, Instant publishedAt, String section, List<String> tags,
        String language) implements ArticleEvent {

    public static final String TYPE = "ArticlePublished";

    public ArticlePublished {
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        captions = captions == null ? List.of() : List.copyOf(captions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A photo caption and its credit (for example {@code 연합}), kept apart. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caption(String text, String credit) {
    }
}
