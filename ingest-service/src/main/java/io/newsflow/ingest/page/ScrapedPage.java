package io.newsflow.ingest.page;

import java.util.List;

/**
 * What a scraped board page holds: at most one article (the post the page shows) and the rows of
 * the board listing below it.
 * @param article the article, or {@code null} when the page carries none
 * @param rows numbered listing rows
 * @param notices rows whose number column is a word such as {@code 공지}; never stored as posts
 * @param skippedLines lines after the listing header that are not rows (pagination, ads, …)
 */
record ScrapedPage(ScrapedArticle article, List<ListingRow> rows, int notices, int skippedLines) {

    boolean isEmpty() {
        return this.article == null && this.rows.isEmpty();
    }

    /**
     * An article as the page shows it; text is raw (normalised later, like any request).
     * @param title the title line, or {@code null} when the page has none
     * @param publishedAt the date line (such as {@code 입력 2024.07.24 14:32}), or {@code null}
     */
    record ScrapedArticle(String title, List<String> subtitles, List<String> paragraphs, List<Caption> captions,
            String outlet, String publishedAt) {
    }

    /** A photo caption split from its credit ({@code … 있다. /연합}). */
    record Caption(String text, String credit) {
    }

    /** A numbered row of the listing; {@code date} as written ({@code 2024.07.24}, {@code 14:32}, …). */
    record ListingRow(long number, String title, Integer commentCount, String author, String date) {
    }
}
