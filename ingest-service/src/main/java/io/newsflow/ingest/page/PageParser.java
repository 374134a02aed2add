package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;

import io.newsflow.ingest.batch.BatchIntake;
import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;

/**
 * Reads the text of a scraped board page: its lines (any line ending, CRLF too, white
 * space collapsed), the article above the listing's header ({@link ArticleText}) and the
 * listing from its header {@code 번호 제목 …} on ({@link TextListing}). Paragraphs are
 * separated by blank lines.
 *
 * <p>
 * Client text is read in time linear in its size: every line's white space is collapsed
 * first, and lines are then taken apart by scanning and splitting at single spaces. The
 * only regular expressions left run on one short token or on a bounded prefix of a line,
 * and none of them can backtrack over a run of the input. Lines, paragraphs and the
 * number of items are capped ({@link PageLimitExceededException}).
 */
final class PageParser {

    /**
     * The longest line or paragraph read: as long as the longest paragraph an article may
     * have.
     */
    static final int MAX_LINE = 100_000;

    /** A page yields at most as many items as a batch holds, its article included. */
    static final int MAX_ITEMS = BatchIntake.MAX_ITEMS;

    private PageParser() {
    }

    static ScrapedPage parse(String text) {
        List<String> lines = lines(text);
        int header = headerIndex(lines);
        List<String> articleLines = header < 0 ? lines : lines.subList(0, header);
        ScrapedArticle article = ArticleText.article(blocks(articleLines));
        if (header < 0) {
            return new ScrapedPage(article, List.of(), 0, 0, ScrapedPage.TEXT);
        }
        return TextListing.read(article, lines.get(header), lines.subList(header + 1, lines.size()));
    }

    /**
     * The lines of the text, each with its white space collapsed to single spaces and
     * trimmed.
     */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r') {
                if (i - start > MAX_LINE) {
                    throw new PageLimitExceededException(
                            "Line " + (lines.size() + 1) + " of the page has more than " + MAX_LINE + " characters");
                }
                String line = Text.line(text.substring(start, i));
                lines.add(line == null ? "" : line);
                if (i < text.length() - 1 && text.charAt(i) == '\r' && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static int headerIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("번호 제목") && (lines.get(i).length() == 5 || lines.get(i).charAt(5) == ' ')) {
                return i;
            }
        }
        return -1;
    }

    /** Non-blank lines grouped by blank lines, each block capped like a line. */
    static List<List<String>> blocks(List<String> lines) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                if (!current.isEmpty()) {
                    blocks.add(current);
                    current = new ArrayList<>();
                    length = 0;
                }
                continue;
            }
            length += line.length() + 1;
            if (length > MAX_LINE) {
                throw new PageLimitExceededException(
                        "A paragraph of the page has more than " + MAX_LINE + " characters");
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            blocks.add(current);
        }
        return blocks;
    }

}
