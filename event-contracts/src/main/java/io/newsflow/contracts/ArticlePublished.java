package io.newsflow.contracts;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An article was accepted for the first time or revised. Carries the whole normalised
 * article; {@code contentHash} lets a consumer tell a revision from a repeat of the same
 * content. {@code post} names the board post the article was read from, when ingest read
 * it from a board page and knew which post the page shows (added to v1; null otherwise).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticlePublished(String eventId, Instant occurredAt, int schemaVersion, String articleId, long revision,
        String contentHash, String url, String title, List<String> subtitles, List<String> paragraphs,
        List<Caption> captions, String outlet, String author, Instant publishedAt, String section, List<String> tags,
        String language, @JsonInclude(JsonInclude.Include.NON_NULL) BoardPost post) implements ArticleEvent {

    public static final String TYPE = "ArticlePublished";

    public ArticlePublished {
        subtitles = subtitles == null ? List.of() : List.copyOf(subtitles);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        captions = captions == null ? List.of() : List.copyOf(captions);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** An article that was not read from a board post. */
    public ArticlePublished(String eventId, Instant occurredAt, int schemaVersion, String articleId, long revision,
            String contentHash, String url, String title, List<String> subtitles, List<String> paragraphs,
            List<Caption> captions, String outlet, String author, Instant publishedAt, String section,
            List<String> tags, String language) {
        this(eventId, occurredAt, schemaVersion, articleId, revision, contentHash, url, title, subtitles, paragraphs,
                captions, outlet, author, publishedAt, section, tags, language, null);
    }

    /**
     * The board post an article was read from: a repost of the article on a board.
     *
     * @param board the board's slug
     * @param number the post's number on the board, as its listing shows it
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record BoardPost(String board, long number) {
    }

    /** A photo caption and its credit (for example {@code 연합}), kept apart. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caption(String text, String credit) {
    }
}
