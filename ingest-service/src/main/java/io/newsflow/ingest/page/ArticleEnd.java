package io.newsflow.ingest.page;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.ingest.normalize.Text;

/**
 * The lines that close a Korean news article and are none of its paragraphs: the byline
 * ({@code 한서윤 기자 seoyun@…}, {@code 김하늘 특파원}), a reporter's e-mail alone, the source
 * ({@code 출처 : 산골일보(https://…)}) and the copyright notice
 * ({@code 저작권자 © 한결일보 무단전재 및 재배포 금지}, {@code <저작권자(c) 연합뉴스, 무단 전재-재배포 금지>},
 * {@code Copyright ⓒ 한결일보. All rights reserved.}). Read from the end of the blocks, as
 * many as there are; the byline gives the author and the source or copyright the outlet.
 */
final class ArticleEnd {

    /**
     * A name of two to five Hangul syllables, a reporter's title, and then at most an
     * e-mail address or an {@code =}.
     */
    private static final Pattern BYLINE = Pattern
        .compile("([가-힣]{2,5}) ?(?:선임|수석|객원|인턴|전문|사진|영상)?(?:기자|특파원|통신원|에디터|논설위원)"
                + "(?:[ =]*\\(?[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,4}\\)?)?[ =]*");

    private static final Pattern EMAIL = Pattern.compile("\\(?[\\w.+-]{1,64}@[\\w-]{1,63}(?:\\.[\\w-]{1,63}){1,4}\\)?");

    private static final int LONGEST = 120;

    private ArticleEnd() {
    }

    /**
     * What the closing lines said: the byline's name and the outlet, each perhaps null.
     */
    record Closing(String author, String outlet) {

        static final Closing NONE = new Closing(null, null);

    }

    /**
     * Removes the closing lines from the end of {@code blocks} (one-line blocks each) and
     * tells what they said.
     */
    static Closing strip(List<List<String>> blocks) {
        String author = null;
        String outlet = null;
        while (!blocks.isEmpty()) {
            List<String> last = blocks.get(blocks.size() - 1);
            String line = last.size() == 1 ? last.get(0) : null;
            if (line == null || line.length() > LONGEST) {
                break;
            }
            String byline = byline(line);
            String source = byline == null ? outlet(line) : null;
            if (byline != null) {
                author = author == null ? byline : author;
            }
            else if (source != null) {
                outlet = outlet == null ? source : outlet;
            }
            else if (!EMAIL.matcher(line).matches() && !isCopyright(line)) {
                break;
            }
            blocks.remove(blocks.size() - 1);
        }
        return author == null && outlet == null ? Closing.NONE : new Closing(author, outlet);
    }

    /** The reporter's name of a byline line, else {@code null}. */
    static String byline(String line) {
        Matcher byline = BYLINE.matcher(line);
        return byline.matches() ? byline.group(1) : null;
    }

    /**
     * The outlet a source or copyright line names: {@code 출처 : 산골일보(https://…)},
     * {@code 저작권자 © 한결일보 무단전재 …}, {@code Copyright ⓒ 한결일보. All rights reserved.}.
     */
    static String outlet(String line) {
        String named = null;
        for (String lead : new String[] { "출처", "기사제공", "기사 제공" }) {
            if (line.startsWith(lead)) {
                String rest = line.substring(lead.length()).strip();
                if (rest.startsWith(":") || rest.startsWith("：")) {
                    named = rest.substring(1);
                }
                break;
            }
        }
        if (named == null && isCopyright(line)) {
            int mark = copyrightMark(line);
            named = mark < 0 ? null : line.substring(mark);
        }
        if (named == null) {
            return null;
        }
        int cut = named.length();
        for (String stop : new String[] { "(", "（", ",", "무단", ". ", "All rights", "all rights", ">", "]" }) {
            int at = named.indexOf(stop);
            cut = at >= 0 ? Math.min(cut, at) : cut;
        }
        String outlet = Text.line(named.substring(0, cut).replaceAll("[.。]+$", ""));
        return outlet == null || outlet.length() > 30 ? null : outlet;
    }

    private static boolean isCopyright(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("무단전재") || lower.contains("무단 전재") || lower.contains("재배포 금지") || lower.contains("재배포금지")
                || lower.startsWith("copyright") || lower.startsWith("<저작권자") || lower.startsWith("저작권자")
                || lower.contains("all rights reserved");
    }

    /**
     * Where the name after a copyright mark starts, or -1. Searched in the line itself: a
     * lower-cased copy can be longer than the line ({@code İ} becomes two characters), so
     * its indexes are not the line's.
     */
    private static int copyrightMark(String line) {
        for (String mark : new String[] { "ⓒ", "©", "(c)", "(C)" }) {
            int at = line.indexOf(mark);
            if (at >= 0) {
                return at + mark.length();
            }
        }
        return -1;
    }

}
