package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;

/**
 * Reads the text of a scraped board page: an optional navigation line, the article (title line,
 * sub-headlines in quotes, paragraphs, photo captions ending in a credit such as {@code /연합}, the
 * outlet line that closes it), then the listing: a header such as {@code 번호 제목 글쓴이 날짜} and
 * one row per post. Paragraphs are separated by blank lines; any line ending (CRLF too) is accepted.
 */
final class PageParser {

    private static final Pattern NAVIGATION = Pattern.compile(".*(건너뛰기|바로가기|skip to|skip navigation).*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEADER = Pattern.compile("번호\\s+제목(\\s+\\S+)*");

    private static final String DATE = "\\d{4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}\\.?|\\d{2}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}"
            + "|\\d{1,2}[.\\-/]\\d{1,2}|\\d{1,2}:\\d{2}(?::\\d{2})?";

    private static final Pattern ROW = Pattern.compile("(\\S+)\\s+(.+?)\\s+(\\S+)\\s+(" + DATE + ")");

    private static final Pattern COMMENT_COUNT = Pattern.compile("(.*?)\\s*\\[(\\d{1,7})]");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern NUMBER = Pattern.compile("\\d{1,18}");

    private static final Pattern DATE_LINE = Pattern.compile(
            "(?:기사\\s*)?(?:입력|등록|발행|작성|승인)?\\s*:?\\s*(\\d{4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}\\.?"
                    + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?)");

    private static final Pattern CAPTION = Pattern.compile("(.+?[.!?]|.+?(?=\\s))\\s*/\\s*([^/.!?:\\s][^/.!?:]{0,29})");

    private static final String OPENING_QUOTES = "“‘\"'「『";

    private static final int LONGEST_TITLE = 150;

    private static final int LONGEST_OUTLET = 30;

    private PageParser() {
    }

    static ScrapedPage parse(String text) {
        List<String> lines = Arrays.stream(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1))
                .map(String::strip).toList();
        int header = headerIndex(lines);
        List<String> articleLines = header < 0 ? lines : lines.subList(0, header);
        ScrapedArticle article = article(blocks(articleLines));
        if (header < 0) {
            return new ScrapedPage(article, List.of(), 0, 0);
        }
        return listing(article, lines.get(header), lines.subList(header + 1, lines.size()));
    }

    private static int headerIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (HEADER.matcher(lines.get(i)).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Non-blank lines grouped by blank lines. */
    private static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                }
            }
            else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

    private static ScrapedArticle article(List<List<String>> blocks) {
        List<List<String>> rest = new ArrayList<>(blocks);
        if (!rest.isEmpty() && rest.get(0).size() == 1 && NAVIGATION.matcher(rest.get(0).get(0)).matches()) {
            rest.remove(0);
        }
        String title = null;
        if (!rest.isEmpty() && rest.get(0).size() == 1 && isTitle(rest.get(0).get(0))) {
            title = rest.remove(0).get(0);
        }
        List<String> subtitles = new ArrayList<>();
        while (!rest.isEmpty() && rest.get(0).stream().allMatch(PageParser::isSubtitle)) {
            subtitles.addAll(rest.remove(0));
        }
        String outlet = null;
        if (!rest.isEmpty() && isOutlet(rest.get(rest.size() - 1))) {
            outlet = rest.remove(rest.size() - 1).get(0);
        }
        String publishedAt = null;
        List<String> paragraphs = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (List<String> block : rest) {
            String paragraph = String.join(" ", block);
            Matcher date = DATE_LINE.matcher(paragraph);
            Matcher caption = CAPTION.matcher(paragraph);
            if (publishedAt == null && date.matches()) {
                publishedAt = date.group(1);
            }
            else if (caption.matches()) {
                captions.add(new Caption(caption.group(1), caption.group(2).strip()));
            }
            else {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.isEmpty()) {
            return null;
        }
        return new ScrapedArticle(title, subtitles, paragraphs, captions, outlet, publishedAt);
    }

    private static boolean isQuoted(String line) {
        return OPENING_QUOTES.indexOf(line.charAt(0)) >= 0;
    }

    /** A sub-headline opens with a quote and, unlike a paragraph that starts with a quotation, is no sentence. */
    private static boolean isSubtitle(String line) {
        return isQuoted(line) && !endsLikeSentence(line);
    }

    /** A single short line that neither opens with a quote nor ends like a sentence. */
    private static boolean isTitle(String line) {
        return line.length() <= LONGEST_TITLE && !isQuoted(line) && !endsLikeSentence(line);
    }

    private static boolean isOutlet(List<String> block) {
        String line = block.get(0);
        return block.size() == 1 && line.length() <= LONGEST_OUTLET && !isQuoted(line) && !endsLikeSentence(line)
                && !DATE_LINE.matcher(line).matches() && line.chars().noneMatch(c -> c == '.' || c == '/');
    }

    /** Body sentences end with a full stop; headlines (even those ending in -다, ?, !) do not. */
    private static boolean endsLikeSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == '。';
    }

    private static ScrapedPage listing(ScrapedArticle article, String header, List<String> lines) {
        int extraColumns = extraColumns(header);
        List<ListingRow> rows = new ArrayList<>();
        int notices = 0;
        int skipped = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher row = ROW.matcher(dropLastTokens(WHITESPACE.matcher(line).replaceAll(" "), extraColumns));
            if (!row.matches()) {
                skipped++;
            }
            else if (!NUMBER.matcher(row.group(1)).matches()) {
                notices++;
            }
            else {
                rows.add(row(row));
            }
        }
        return new ScrapedPage(article, rows, notices, skipped);
    }

    private static ListingRow row(Matcher row) {
        String title = row.group(2);
        Integer comments = null;
        Matcher count = COMMENT_COUNT.matcher(title);
        if (count.matches() && !count.group(1).isEmpty()) {
            title = count.group(1);
            comments = Integer.valueOf(count.group(2));
        }
        return new ListingRow(Long.parseLong(row.group(1)), title, comments, row.group(3), row.group(4));
    }

    /** Columns after the date (such as 조회, 추천) are numbers at the end of every row. */
    private static int extraColumns(String header) {
        List<String> columns = Arrays.asList(header.split("\\s+"));
        int date = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).matches("날짜|작성일|등록일|일자|시간")) {
                date = i;
            }
        }
        return date < 0 ? 0 : columns.size() - 1 - date;
    }

    private static String dropLastTokens(String line, int count) {
        String result = line;
        for (int i = 0; i < count; i++) {
            int space = result.lastIndexOf(' ');
            if (space < 0) {
                return result;
            }
            result = result.substring(0, space).strip();
        }
        return result;
    }
}
