package io.newsflow.ingest.article;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An article as a crawler or partner sends it. The text is given as {@code paragraphs} or
 * as one {@code body} split at blank lines; {@code publishedAt} takes ISO-8601 or Korean
 * date forms (Asia/Seoul when no zone is given). {@code modifiedAt} (when the source last
 * changed the article) or else {@code crawledAt} (when the crawler read it) orders its
 * versions: an older version sent after a newer one does not replace it.
 */
public record ArticleRequest(@Size(max = 2048) String url, @NotBlank @Size(max = 500) String title,
        @Size(max = 50) List<@NotBlank @Size(max = 2000) String> subtitles,
        @Size(max = 5000) List<@Size(max = 100_000) String> paragraphs, @Size(max = 1_000_000) String body,
        @Size(max = 200) List<@Valid CaptionRequest> captions, @Size(max = 200) String outlet,
        @Size(max = 200) String author, @Size(max = 64) String publishedAt, @Size(max = 100) String section,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags,
        // the subtags' count is bounded: an unbounded repetition recurses once per subtag
        // in Java's
        // regex engine, and validation runs the pattern even on a value over the size
        // limit
        @Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(?:-[A-Za-z0-9]{2,8}){0,8}",
                message = "must be a language tag such as ko or en") String language,
        @Size(max = 64) String modifiedAt, @Size(max = 64) String crawledAt) {

    /** An article without source times: accepted versions are ordered by arrival. */
    public ArticleRequest(String url, String title, List<String> subtitles, List<String> paragraphs, String body,
            List<CaptionRequest> captions, String outlet, String author, String publishedAt, String section,
            List<String> tags, String language) {
        this(url, title, subtitles, paragraphs, body, captions, outlet, author, publishedAt, section, tags, language,
                null, null);
    }

    /** A photo caption and its credit, such as {@code 연합}. */
    public record CaptionRequest(@NotBlank @Size(max = 2000) String text, @Size(max = 200) String credit) {
    }
}
