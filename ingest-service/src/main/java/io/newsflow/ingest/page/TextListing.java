package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import io.newsflow.ingest.page.ListingVocabulary.Badged;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;

/**
 * A board's listing in a text page, after its header ({@code 번호 제목 글쓴이 날짜}): one row per
 * line, {@code number title author date}, columns after the date (조회, 추천) dropped by
 * their count in the header, rows numbered by a word ({@code 공지}) counted as notices.
 * Lines are split at single spaces; only one token at a time meets a regular expression.
 */
final class TextListing {

    /** A date as a listing writes it; only ever matched against one token. */
    private static final Pattern ROW_DATE = Pattern.compile(
            "(?:\\d{4}|\\d{2})[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}\\.?|\\d{2}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}|\\d{1,2}[.\\-/]\\d{1,2}"
                    + "|\\d{1,2}:\\d{2}(?::\\d{2})?");

    static ScrapedPage read(ScrapedArticle article, String header, List<String> lines) {
        int extraColumns = extraColumns(header);
        int room = PageParser.MAX_ITEMS - (article == null ? 0 : 1);
        List<ListingRow> rows = new ArrayList<>();
        int notices = 0;
        int skipped = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            String[] tokens = line.split(" ");
            int count = Math.max(tokens.length - extraColumns, Math.min(tokens.length, 1));
            if (count < 4 || !ROW_DATE.matcher(tokens[count - 1]).matches()) {
                skipped++;
            }
            else if (!isNumber(tokens[0])) {
                notices++;
            }
            else if (rows.size() == room) {
                throw ListingVocabulary.tooManyItems();
            }
            else {
                rows.add(row(tokens, count));
            }
        }
        return new ScrapedPage(article, rows, notices, skipped, ScrapedPage.TEXT);
    }

    /**
     * A row of {@code count} tokens: number, title (any number of tokens), author, date.
     */
    private static ListingRow row(String[] tokens, int count) {
        Badged title = Badged.of(String.join(" ", Arrays.asList(tokens).subList(1, count - 2)));
        return new ListingRow(Long.parseLong(tokens[0]), title.title(), title.count(), tokens[count - 2],
                tokens[count - 1]);
    }

    private static boolean isNumber(String token) {
        return token.length() <= 18 && isDigits(token);
    }

    private static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Columns after the date (such as 조회, 추천) are numbers at the end of every row. */
    private static int extraColumns(String header) {
        String[] columns = header.split(" ");
        int date = -1;
        for (int i = 0; i < columns.length; i++) {
            if (ListingVocabulary.Column.named(columns[i]) == ListingVocabulary.Column.DATE) {
                date = i;
            }
        }
        return date < 0 ? 0 : columns.length - 1 - date;
    }

    private TextListing() {
    }

}
