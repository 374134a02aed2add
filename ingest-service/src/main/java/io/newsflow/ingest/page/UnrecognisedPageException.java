package io.newsflow.ingest.page;

/**
 * A page with neither an article nor a board listing: answered 422 saying what was
 * expected.
 */
public class UnrecognisedPageException extends RuntimeException {

    UnrecognisedPageException() {
        super("The page holds neither an article (paragraphs separated by blank lines, optionally sub-headlines in "
                + "quotes, photo captions ending in a credit such as /연합 and an outlet line) nor a board listing "
                + "(a header such as '번호 제목 글쓴이 날짜' followed by rows 'number title author date')");
    }

}
