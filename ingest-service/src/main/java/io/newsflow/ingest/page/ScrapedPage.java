package io.newsflow.ingest.page;

import java.util.List;

/**
 * What a scraped board page holds: at most one article (the post the page shows) and the
 * rows of the board listing below it.
 *
 * @param article the article, or {@code null} when the page carries none
 * @param rows numbered listing rows
 * @param notices rows the board pins above its listing ({@code 공지}, surveys, ads); never
 * stored as posts
 * @param skippedLines lines (or table rows) after the listing header that are not rows
 * (pagination, ads, …)
 * @param layout how the page was read: {@code text} by the text rules, or the board
 * engine whose markup was recognised ({@link BoardLayout})
 * @param current the listing's row of the post the page shows, when the listing marks it
 * ({@code 열람중}, {@code »}) and its list number is known; {@code null} otherwise
 */
record ScrapedPage(ScrapedArticle article, List<ListingRow> rows, int notices, int skippedLines, String layout,
        ListingRow current) {

    static final String TEXT = "text";

    /** A page whose listing does not mark the post it shows. */
    ScrapedPage(ScrapedArticle article, List<ListingRow> rows, int notices, int skippedLines, String layout) {
        this(article, rows, notices, skippedLines, layout, null);
    }

    boolean isEmpty() {
        return this.article == null && this.rows.isEmpty();
    }

    /**
     * An article as the page shows it; text is raw (normalised later, like any request).
     *
     * @param title the title line, or {@code null} when the page has none
     * @param author who wrote it, when the page says
     * @param section the board's category of the post (such as {@code 경제}), when it has
     * one
     * @param publishedAt the date line (such as {@code 입력 2024.07.24 14:32}), or
     * {@code null}
     */
    record ScrapedArticle(String title, List<String> subtitles, List<String> paragraphs, List<Caption> captions,
            String outlet, String author, String section, String publishedAt) {

        ScrapedArticle withTitle(String title) {
            return new ScrapedArticle(title, this.subtitles, this.paragraphs, this.captions, this.outlet, this.author,
                    this.section, this.publishedAt);
        }
    }

    /**
     * A photo caption split from its credit ({@code … 있다. /연합}); the credit may be
     * unknown.
     */
    record Caption(String text, String credit) {
    }

    /**
     * A numbered row of the listing; {@code date} as written ({@code 2024.07.24},
     * {@code 14:32}, …).
     *
     * @param category the row's category head ({@code 뉴스}, {@code 일반}), kept apart from
     * the title
     */
    record ListingRow(long number, String title, Integer commentCount, String author, String date, String category) {

        ListingRow(long number, String title, Integer commentCount, String author, String date) {
            this(number, title, commentCount, author, date, null);
        }
    }
}
