package io.newsflow.ingest.page;

/**
 * A page (or feed) with neither an article nor a board listing: answered 422 saying what
 * was expected and what was found.
 */
public class UnrecognisedPageException extends RuntimeException {

    private static final String EXPECTED = "The page holds neither an article (paragraphs separated by blank lines, optionally sub-headlines in "
            + "quotes, photo captions ending in a credit such as /연합 and an outlet line) nor a board listing "
            + "(a header such as '번호 제목 글쓴이 날짜' followed by rows 'number title author date')";

    UnrecognisedPageException(String message) {
        super(message);
    }

    /** A page read as {@code page} says, with what was found in it instead. */
    UnrecognisedPageException(ScrapedPage page) {
        this(EXPECTED + ". Read as " + page.layout() + ", it has no paragraph of an article and no listing row with a "
                + "number and a title" + (page.notices() > 0 ? "; " + page.notices() + " notice rows were skipped" : "")
                + (page.skippedLines() > 0 ? "; " + page.skippedLines() + " lines or rows were neither" : ""));
    }

}
