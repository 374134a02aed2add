package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;

/**
 * The text of an article as blocks of lines (a text page's paragraphs, an HTML post's
 * blocks, a feed entry's content): an optional navigation line, the title line,
 * sub-headlines in quotes, paragraphs, photo captions ending in a credit such as
 * {@code /연합} or {@code (사진=…)}, a date line, and the lines that close a news article
 * (outlet, byline, source, copyright: {@link ArticleEnd}). Linear in its input: lines are
 * taken apart by scanning; the few regular expressions see one line's bounded prefix.
 */
final class ArticleText {

    private static final List<String> NAVIGATION = List.of("건너뛰기", "바로가기", "skip to", "skip navigation");

    private static final List<String> DATE_KEYWORDS = List.of("작성일", "등록일", "입력", "등록", "발행", "작성", "승인");

    /**
     * The date of a date line, after its keywords; it fails within its first few
     * characters.
     */
    private static final Pattern LINE_DATE = Pattern
        .compile("(?:\\d{4}|\\d{2})[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}\\.?(?: \\d{1,2}:\\d{2}(?::\\d{2})?)?");

    private static final String OPENING_QUOTES = "“‘\"'「『";

    private static final String CREDIT_STOPS = "/.!?:";

    private static final int LONGEST_TITLE = 150;

    private static final int LONGEST_OUTLET = 30;

    private static final int LONGEST_CREDIT = 30;

    /** Words that open a photo's credit: {@code 사진=연합뉴스}, {@code 그래픽=}, {@code 자료사진}. */
    private static final List<String> PHOTO_WORDS = List.of("사진", "그래픽", "자료사진", "이미지", "일러스트");

    static ScrapedArticle article(List<List<String>> blocks) {
        List<List<String>> rest = new ArrayList<>(blocks);
        if (!rest.isEmpty() && rest.get(0).size() == 1 && isNavigation(rest.get(0).get(0))) {
            rest.remove(0);
        }
        String title = null;
        if (!rest.isEmpty() && rest.get(0).size() == 1 && isTitle(rest.get(0).get(0))) {
            title = rest.remove(0).get(0);
        }
        ScrapedArticle article = body(rest);
        return article == null ? null : article.withTitle(title);
    }

    /**
     * The body of an article from its blocks (each a list of lines): sub-headlines in
     * quotes first, then paragraphs, photo captions and a date line, and what closes it:
     * an outlet line and the byline, source and copyright lines ({@link ArticleEnd}),
     * which give its author and outlet. Answers {@code null} when no paragraph is left.
     */
    static ScrapedArticle body(List<List<String>> blocks) {
        List<List<String>> rest = new ArrayList<>(blocks);
        List<String> subtitles = new ArrayList<>();
        while (!rest.isEmpty() && rest.get(0).stream().allMatch(ArticleText::isSubtitle)) {
            subtitles.addAll(rest.remove(0));
        }
        // the closing lines (byline, source, copyright) and one outlet line, in any order
        String author = null;
        String outlet = null;
        boolean outletLine = false;
        while (true) {
            ArticleEnd.Closing closing = ArticleEnd.strip(rest);
            author = author != null ? author : closing.author();
            outlet = outlet != null ? outlet : closing.outlet();
            if (outletLine || rest.isEmpty() || !isOutlet(rest.get(rest.size() - 1))) {
                break;
            }
            String line = rest.remove(rest.size() - 1).get(0);
            outlet = outlet != null ? outlet : line;
            outletLine = true;
        }
        String publishedAt = null;
        List<String> paragraphs = new ArrayList<>();
        List<Caption> captions = new ArrayList<>();
        for (List<String> block : rest) {
            String paragraph = String.join(" ", block);
            String date = publishedAt == null ? dateLine(paragraph) : null;
            Caption caption = date == null ? caption(paragraph) : null;
            if (date != null) {
                publishedAt = date;
            }
            else if (caption != null) {
                captions.add(caption);
            }
            else {
                paragraphs.add(paragraph);
            }
        }
        if (paragraphs.isEmpty()) {
            return null;
        }
        return new ScrapedArticle(null, subtitles, paragraphs, captions, outlet, author, null, publishedAt);
    }

    private static boolean isNavigation(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return NAVIGATION.stream().anyMatch(lower::contains);
    }

    /**
     * The date of a line such as {@code 기사입력 2024.07.24 14:32} or
     * {@code 입력 : 2024-07-24}: an optional {@code 기사}, an optional keyword, an optional
     * colon, then the date and nothing else.
     */
    static String dateLine(String line) {
        int at = 0;
        if (line.startsWith("기사", at)) {
            at = skipSpace(line, at + 2);
        }
        for (String keyword : DATE_KEYWORDS) {
            if (line.startsWith(keyword, at)) {
                at += keyword.length();
                break;
            }
        }
        at = skipSpace(line, at);
        if (at < line.length() && line.charAt(at) == ':') {
            at = skipSpace(line, at + 1);
        }
        String date = line.substring(at);
        return LINE_DATE.matcher(date).matches() ? date : null;
    }

    static int skipSpace(String line, int at) {
        return at < line.length() && line.charAt(at) == ' ' ? at + 1 : at;
    }

    /**
     * A photo caption: text that ends a sentence (or is followed by a space), then its
     * credit: after a slash, short and without sentence punctuation ({@code … 있다. /연합},
     * {@code … /사진=뉴스1}), or in brackets naming it a photo's ({@code … 있다. (사진=산골일보 제공)},
     * {@code [사진 제공=군청]}).
     */
    static Caption caption(String paragraph) {
        Caption bracketed = bracketedCredit(paragraph);
        if (bracketed != null) {
            return bracketed;
        }
        int slash = paragraph.lastIndexOf('/');
        if (slash < 0) {
            return null;
        }
        String credit = credit(paragraph.substring(slash + 1));
        if (credit == null || credit.chars().anyMatch(c -> CREDIT_STOPS.indexOf(c) >= 0)) {
            return null;
        }
        String before = paragraph.substring(0, slash);
        String text = before.stripTrailing();
        if (text.isEmpty()) {
            return null;
        }
        boolean spaced = text.length() < before.length();
        char last = text.charAt(text.length() - 1);
        return spaced || last == '.' || last == '!' || last == '?' ? new Caption(text, credit) : null;
    }

    /** {@code … (사진=산골일보 제공)}: a credit in the brackets that close the text. */
    private static Caption bracketedCredit(String paragraph) {
        char close = paragraph.charAt(paragraph.length() - 1);
        if (close != ')' && close != ']') {
            return null;
        }
        int open = paragraph.lastIndexOf(close == ')' ? '(' : '[');
        if (open <= 0) {
            return null;
        }
        String inside = paragraph.substring(open + 1, paragraph.length() - 1).strip();
        if (!PHOTO_WORDS.stream().anyMatch(inside::startsWith)) {
            return null;
        }
        String credit = credit(inside);
        String text = paragraph.substring(0, open).strip();
        return credit == null || text.isEmpty() ? null : new Caption(text, credit);
    }

    /**
     * The credit itself: without the words that name it one ({@code 사진=}, {@code 사진 제공:},
     * a closing {@code 제공}); {@code null} when nothing short is left.
     */
    private static String credit(String text) {
        String credit = text.strip();
        for (String word : PHOTO_WORDS) {
            if (credit.startsWith(word)) {
                String rest = credit.substring(word.length()).strip();
                if (rest.startsWith("제공")) {
                    rest = rest.substring(2).strip();
                }
                if (rest.startsWith("=") || rest.startsWith(":") || rest.startsWith("＝")) {
                    credit = rest.substring(1).strip();
                }
                break;
            }
        }
        if (credit.endsWith("제공")) {
            credit = credit.substring(0, credit.length() - 2).strip();
        }
        return credit.isEmpty() || credit.length() > LONGEST_CREDIT ? null : credit;
    }

    private static boolean isQuoted(String line) {
        return OPENING_QUOTES.indexOf(line.charAt(0)) >= 0;
    }

    /**
     * A sub-headline opens with a quote and, unlike a paragraph that starts with a
     * quotation, is no sentence.
     */
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
                && dateLine(line) == null && line.chars().noneMatch(c -> c == '.' || c == '/');
    }

    /**
     * Body sentences end with a full stop; headlines (even those ending in -다, ?, !) do
     * not.
     */
    private static boolean endsLikeSentence(String line) {
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == '。';
    }

    private ArticleText() {
    }

}
