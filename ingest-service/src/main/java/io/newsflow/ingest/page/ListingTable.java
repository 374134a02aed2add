package io.newsflow.ingest.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.ingest.normalize.Text;
import io.newsflow.ingest.page.ListingVocabulary.Badged;
import io.newsflow.ingest.page.ListingVocabulary.Column;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * A board's listing read from its {@code table} element, by the names in its header row:
 * which column is the number, the title, the writer, the date (and which ones, such as
 * hits and votes, are not read). In the title cell, the title is the title link's own
 * text; comment badges ({@code [7]}, {@code (7)}, a count span, {@code 댓글 7개} for screen
 * readers) become the comment count and a category head ({@code 경제}, {@code [일반]}) a
 * field of its own; neither is ever glued to the title. Notice rows and other rows the
 * board pins above its posts are counted and skipped. A full timestamp in a
 * {@code datetime} or {@code title} attribute wins over the short form shown.
 */
final class ListingTable {

    /**
     * What the listing yielded.
     *
     * @param skipped body rows that are neither a post nor a pinned row (an empty board's
     * message …)
     * @param current the row of the post the page shows (marked {@code 열람중}, {@code »},
     * an arrow …), or {@code null}
     * @param viewed that row as the listing numbers it (its list number), or {@code null}
     * when there is none or its list number is unknown (the row was left out)
     */
    record Listing(List<ListingRow> rows, int notices, int skipped, ListingRow current, ListingRow viewed) {

        static final Listing NONE = new Listing(List.of(), 0, 0, null, null);

    }

    /**
     * A post's number in the address of its link: GNUBoard, gallery, XE query forms, or
     * the last path segment.
     */
    private static final Pattern NUMBER_IN_LINK = Pattern
        .compile("(?:[?&](?:wr_id|no|document_srl|num|idx|article_id)=|/)(\\d{1,18})(?=$|[?&#/])");

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

    /**
     * A comment badge once the screen-reader words are gone: {@code 7}, {@code [7]},
     * {@code (7)}.
     */
    private static final Pattern BADGE = Pattern.compile("[\\[(]?(\\d{1,7})[\\])]?");

    private static final Pattern FULL_DATE = Pattern
        .compile("\\d{2,4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}.*|\\d{4}년 ?\\d{1,2}월 ?\\d{1,2}일.*");

    private static final Pattern TIME_ONLY = Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2})?");

    private static final Pattern DATE_ONLY = Pattern.compile("\\d{2,4}[.\\-/]\\d{1,2}[.\\-/]\\d{1,2}\\.?");

    /** What boards show in the number cell of the post being viewed. */
    private static final Set<String> CURRENT_POST = Set.of("열람중", "»", "▶", "현재글", "current", "→");

    /**
     * Comment counts by class: {@code cnt_cmt}, {@code reply_num}, {@code replyNum},
     * {@code comment_count} …
     */
    private static final String COMMENT_BADGES = "[class~=(?i)(^|[\\s_-])(cnt_cmt|cmt|comments?|reply(num)?)([\\s_-]|$)]";

    /**
     * Category heads by class: {@code bo_cate_link}, {@code category}, {@code cate},
     * {@code title_headtext}.
     */
    static final String CATEGORY_HEADS = "[class~=(?i)(^|[\\s_-])(cate(gory)?|headtext)([\\s_-]|$)]";

    private static final String NOTICE_MARKS = "[class~=(?i)notice], img[alt*=공지], [title=공지], img[src~=(?i)notice]";

    /**
     * What header images are named after their prefix ({@code head_subject.gif},
     * {@code h_no.gif}, {@code title_name.png}).
     */
    private static final Pattern HEADER_IMAGE = Pattern
        .compile("(?i)(?:head|header|h|title|t|list|bt|top)_?([a-z]{1,12})\\.(?:gif|png|jpe?g|svg)");

    /** How many rows above the header a table may have (spacers, a caption row). */
    private static final int ROWS_BEFORE_HEADER = 5;

    private final Map<Column, Integer> columns;

    private final int room;

    private ListingTable(Map<Column, Integer> columns, int room) {
        this.columns = columns;
        this.room = room;
    }

    /**
     * The listing of the page: the first table the layout names whose header has a title
     * column, else the first such table anywhere.
     * @param room how many rows may be read before the page is too large
     */
    static Listing read(Element root, BoardLayout layout, int room) {
        for (String selector : new String[] { layout.listing, "table" }) {
            if (selector == null) {
                continue;
            }
            for (Element table : root.select(selector)) {
                Element header = headerRow(table);
                Map<Column, Integer> columns = header == null ? Map.of() : columns(header);
                if (columns.containsKey(Column.TITLE)
                        && (columns.containsKey(Column.NUMBER) || columns.containsKey(Column.DATE))) {
                    return new ListingTable(columns, room).rows(table, header);
                }
            }
        }
        return Listing.NONE;
    }

    /**
     * The header row: the last row of {@code thead}, else the first row made of
     * {@code th} cells.
     */
    private static Element headerRow(Element table) {
        Element head = table.selectFirst("> thead");
        if (head != null) {
            Elements rows = head.select("> tr");
            return rows.isEmpty() ? null : rows.last();
        }
        int seen = 0;
        for (Element row : rows(table)) {
            if (!row.select("> th").isEmpty() || columns(row).containsKey(Column.TITLE)) {
                return row;
            }
            if (++seen == ROWS_BEFORE_HEADER) {
                return null;
            }
        }
        return null;
    }

    private static Elements rows(Element table) {
        return table.select("> tr, > tbody > tr");
    }

    /** Column positions by header name, counting {@code colspan}. */
    private static Map<Column, Integer> columns(Element header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        int position = 0;
        for (Element cell : header.select("> th, > td")) {
            Column column = Column.named(headerName(cell));
            if (column != null) {
                columns.putIfAbsent(column, position);
            }
            position += span(cell);
        }
        return columns;
    }

    /**
     * A header cell's name: its text (that of a table nested in it too), else what its
     * image is named: {@code alt}, or the file ({@code head_subject.gif} is
     * {@code subject}).
     */
    private static String headerName(Element cell) {
        String shown = visibleText(cell);
        if (shown != null) {
            return shown;
        }
        Element image = cell.selectFirst("img");
        if (image == null) {
            return null;
        }
        if (Text.line(image.attr("alt")) != null) {
            return Text.line(image.attr("alt"));
        }
        String source = image.attr("src");
        String path = source.indexOf('?') < 0 ? source : source.substring(0, source.indexOf('?'));
        String file = path.substring(path.lastIndexOf('/') + 1);
        Matcher named = HEADER_IMAGE.matcher(file);
        return named.matches() ? named.group(1) : null;
    }

    private Listing rows(Element table, Element header) {
        List<ListingRow> rows = new ArrayList<>();
        List<Integer> marked = new ArrayList<>();
        List<Long> linkIds = new ArrayList<>();
        int notices = 0;
        int skipped = 0;
        for (Element row : rows(table)) {
            if (row == header || row.parent() != null && row.parent().normalName().equals("thead")) {
                continue;
            }
            Element[] cells = cells(row);
            Element titleCell = cell(cells, Column.TITLE);
            if (titleCell == null) {
                skipped++;
                continue;
            }
            Element link = titleLink(titleCell);
            if (link == null) {
                // no post: a pinned row without a link is still a notice; else a spacer,
                // a
                // rule between rows (Zeroboard's skins draw lines with them), an empty
                // board's message
                if (isNotice(row, cell(cells, Column.NUMBER))) {
                    notices++;
                }
                else {
                    skipped++;
                }
                continue;
            }
            Long number = number(row, cell(cells, Column.NUMBER), link);
            if (number == null) {
                notices++;
                continue;
            }
            if (rows.size() == this.room) {
                throw ListingVocabulary.tooManyItems();
            }
            ListingRow read = row(number, cells, titleCell, link);
            if (read.title() == null) {
                skipped++;
            }
            else {
                if (isMarkedCurrent(cell(cells, Column.NUMBER))) {
                    marked.add(rows.size());
                }
                rows.add(read);
                linkIds.add(linkId(row, link));
            }
        }
        List<ListingRow> numbered = inSequence(rows, marked);
        if (numbered == null) {
            numbered = byLinkIds(rows, marked, linkIds);
        }
        ListingRow current = marked.size() == 1 ? rows.get(marked.get(0)) : null;
        return new Listing(numbered, notices, skipped + rows.size() - numbered.size(), current,
                current == null ? null : viewed(rows, numbered, current));
    }

    /**
     * The marked row among the numbered ones: kept as it was, or the one row numbering
     * made anew (by its place); {@code null} when it was left out.
     */
    private static ListingRow viewed(List<ListingRow> rows, List<ListingRow> numbered, ListingRow current) {
        Set<ListingRow> read = Collections.newSetFromMap(new IdentityHashMap<>());
        read.addAll(rows);
        for (ListingRow row : numbered) {
            if (row == current || !read.contains(row)) {
                return row;
            }
        }
        return null;
    }

    /**
     * GNUBoard and XpressEngine number a listing in sequence (one less per row, not the
     * post's id) and show a mark such as {@code 열람중} in place of the number of the post
     * being viewed, whose link carries its id, a number of another kind. When the numbers
     * shown are such a sequence, a marked row takes the number of its place in it (the
     * one after the row above it). Answers {@code null} when they are not.
     */
    private static List<ListingRow> inSequence(List<ListingRow> rows, List<Integer> marked) {
        if (marked.isEmpty() || marked.size() == rows.size()) {
            return rows;
        }
        Long expected = null;
        int shown = -1;
        for (int i = 0; i < rows.size(); i++) {
            if (marked.contains(i)) {
                expected = expected == null ? null : expected - 1;
                continue;
            }
            long number = rows.get(i).number();
            if (expected != null && number != expected) {
                return null;
            }
            expected = number - 1;
            shown = shown < 0 ? i : shown;
        }
        List<ListingRow> numbered = new ArrayList<>(rows);
        for (int i : marked) {
            long number = rows.get(shown).number() + (shown - i);
            numbered.set(i, number > 0 ? withNumber(rows.get(i), number) : null);
        }
        numbered.removeIf(Objects::isNull);
        return numbered;
    }

    /**
     * A listing whose numbers are not a sequence: its marked rows keep the id of their
     * link when the numbers shown are those ids (a board numbering its posts by id, with
     * gaps); when they are not, the number a marked row would show is unknown and the row
     * is left out rather than stored under a number of another kind.
     */
    private static List<ListingRow> byLinkIds(List<ListingRow> rows, List<Integer> marked, List<Long> linkIds) {
        boolean shownAreIds = true;
        for (int i = 0; i < rows.size() && shownAreIds; i++) {
            Long id = linkIds.get(i);
            shownAreIds = marked.contains(i) || id == null || id == rows.get(i).number();
        }
        if (shownAreIds) {
            return rows;
        }
        List<ListingRow> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (!marked.contains(i)) {
                kept.add(rows.get(i));
            }
        }
        return kept;
    }

    private static ListingRow withNumber(ListingRow row, long number) {
        return new ListingRow(number, row.title(), row.commentCount(), row.author(), row.date(), row.category());
    }

    /** A number cell showing the mark of the post being viewed instead of a number. */
    private static boolean isMarkedCurrent(Element numberCell) {
        if (numberCell == null) {
            return false;
        }
        String shown = shownNumber(numberCell);
        return !DIGITS.matcher(shown).matches() && (CURRENT_POST.contains(shown.toLowerCase(Locale.ROOT))
                || numberCell.selectFirst(".bo_current, .current") != null
                || shown.isEmpty() && numberCell.selectFirst("img") != null);
    }

    /** What a number cell shows, without thousands separators; empty when blank. */
    private static String shownNumber(Element numberCell) {
        String shown = visibleText(numberCell);
        return shown == null ? "" : shown.replace(",", "");
    }

    /**
     * The row's cells by position: a cell spanning several columns stands at each of
     * them.
     */
    private static Element[] cells(Element row) {
        List<Element> positions = new ArrayList<>();
        for (Element cell : row.select("> td, > th")) {
            for (int i = span(cell); i > 0; i--) {
                positions.add(cell);
            }
        }
        return positions.toArray(Element[]::new);
    }

    private Element cell(Element[] cells, Column column) {
        Integer position = this.columns.get(column);
        return position == null || position >= cells.length ? null : cells[position];
    }

    private static int span(Element cell) {
        try {
            return Math.max(1, Math.min(50, Integer.parseInt(cell.attr("colspan").strip())));
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    /**
     * The post's number; {@code null} for a notice or another pinned row. The row of the
     * post being viewed shows a mark such as {@code 열람중} instead: its number comes from
     * its link.
     */
    private static Long number(Element row, Element numberCell, Element link) {
        if (isNotice(row, numberCell)) {
            return null;
        }
        if (numberCell != null) {
            String shown = shownNumber(numberCell);
            if (DIGITS.matcher(shown).matches()) {
                return positive(shown);
            }
            if (!isMarkedCurrent(numberCell)) {
                return null;
            }
        }
        return linkId(row, link);
    }

    /**
     * The post's id the row carries: its {@code data-no}, else the number in its link's
     * address; {@code null} for none.
     */
    private static Long linkId(Element row, Element link) {
        String dataNumber = row.attr("data-no");
        if (DIGITS.matcher(dataNumber).matches()) {
            return positive(dataNumber);
        }
        return link == null ? null : postId(link.attr("href"));
    }

    /**
     * The post id in a link's address ({@code wr_id=}, {@code no=}, {@code document_srl=}
     * …, or its last path segment), or {@code null}.
     */
    static Long postId(String href) {
        Matcher inLink = NUMBER_IN_LINK.matcher(href);
        Long found = null;
        while (inLink.find()) {
            found = positive(inLink.group(1));
        }
        return found;
    }

    private static Long positive(String digits) {
        long number = Long.parseLong(digits);
        return number > 0 ? number : null;
    }

    private static boolean isNotice(Element row, Element numberCell) {
        if (row.classNames().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("notice"))
                || row.attr("data-type").toLowerCase(Locale.ROOT).contains("notice")) {
            return true;
        }
        return numberCell != null && (numberCell.text().contains("공지") || numberCell.selectFirst(NOTICE_MARKS) != null
                || numberCell.classNames().stream().anyMatch(name -> name.toLowerCase(Locale.ROOT).contains("notice")));
    }

    /**
     * The link to the post: the first in the cell that is neither a category nor a
     * comment link.
     */
    private static Element titleLink(Element cell) {
        for (Element link : cell.select("a[href]")) {
            String href = link.attr("href");
            if (!isCategoryHead(link) && !isCommentBadge(link) && !href.contains("sca=") && !href.contains("#c")
                    && !href.contains("t=cv") && !href.startsWith("javascript:") && !href.equals("#")) {
                return link;
            }
        }
        return null;
    }

    private ListingRow row(long number, Element[] cells, Element titleCell, Element link) {
        Element own = link.clone();
        own.select(CATEGORY_HEADS).remove();
        own.select(COMMENT_BADGES).remove();
        String title = visibleText(own);
        Integer comments = comments(titleCell, link);
        if (comments == null && title != null) {
            Badged badged = Badged.of(title);
            title = badged.title();
            comments = badged.count();
        }
        return new ListingRow(number, title, comments, author(cell(cells, Column.AUTHOR)),
                date(cell(cells, Column.DATE)), category(cell(cells, Column.CATEGORY), titleCell));
    }

    /**
     * The comment count: a badge element, or what the cell shows besides its links and
     * category.
     */
    private static Integer comments(Element cell, Element link) {
        for (Element badge : cell.select(COMMENT_BADGES)) {
            if (badge != link && !link.select(COMMENT_BADGES).contains(badge)) {
                Integer count = badgeCount(badge.text());
                if (count != null) {
                    return count;
                }
            }
        }
        Element rest = cell.clone();
        rest.select("a").remove();
        rest.select(CATEGORY_HEADS).remove();
        return badgeCount(rest.text());
    }

    private static Integer badgeCount(String shown) {
        String bare = shown.replace("댓글", "")
            .replace("개", "")
            .replace("comments", "")
            .replace("comment", "")
            .replace(" ", "");
        Matcher badge = BADGE.matcher(bare);
        return badge.matches() ? Integer.valueOf(badge.group(1)) : null;
    }

    private static String category(Element column, Element titleCell) {
        Element head = column != null ? column : titleCell.selectFirst(CATEGORY_HEADS);
        if (head == null) {
            // a category link without a class (GNUBoard 4: [<a href="…&sca=잡담">잡담</a>])
            head = titleCell.selectFirst("a[href*=sca=]");
        }
        if (head == null) {
            return null;
        }
        String shown = visibleText(head);
        if (shown == null) {
            return null;
        }
        String bare = shown.startsWith("[") && shown.endsWith("]") ? shown.substring(1, shown.length() - 1) : shown;
        return Text.line(bare);
    }

    /**
     * The writer's name: a {@code data-nick}, a name element, or the cell's text (never
     * an IP suffix).
     */
    private static String author(Element cell) {
        if (cell == null) {
            return null;
        }
        String nick = cell.hasAttr("data-nick") ? cell.attr("data-nick") : null;
        Element named = cell.selectFirst("[data-nick]");
        if (nick == null && named != null) {
            nick = named.attr("data-nick");
        }
        if (nick != null && Text.line(nick) != null) {
            return Text.line(nick);
        }
        Element name = cell.selectFirst(".nickname, .sv_member, .sv_guest, .member, .nick, .name, .author");
        Element shown = (name != null ? name : cell).clone();
        shown.select(".ip").remove();
        return visibleText(shown);
    }

    /**
     * The date: a full timestamp from an attribute, else what is shown (completed by a
     * time attribute).
     */
    static String date(Element cell) {
        if (cell == null) {
            return null;
        }
        String shown = visibleText(cell);
        String attribute = null;
        for (Element element : cell.select("[datetime], [data-date-time], [title]")) {
            String value = Text.line(element.hasAttr("datetime") ? element.attr("datetime")
                    : element.hasAttr("data-date-time") ? element.attr("data-date-time") : element.attr("title"));
            if (value == null) {
                continue;
            }
            if (FULL_DATE.matcher(value).matches()
                    || value.length() > 10 && value.charAt(4) == '-' && value.contains("T")) {
                return value;
            }
            attribute = attribute == null ? value : attribute;
        }
        if (shown != null && attribute != null && DATE_ONLY.matcher(shown).matches()
                && TIME_ONLY.matcher(attribute).matches()) {
            return shown + " " + attribute;
        }
        return shown;
    }

    private static boolean isCategoryHead(Element element) {
        return element.is(CATEGORY_HEADS);
    }

    private static boolean isCommentBadge(Element element) {
        return element.is(COMMENT_BADGES);
    }

    /**
     * What a reader sees of an element: no screen-reader-only text, white space
     * collapsed.
     */
    static String visibleText(Element element) {
        if (element.selectFirst(HtmlTextBlocks.HIDDEN) == null) {
            return Text.line(element.text());
        }
        Element visible = element.clone();
        visible.select(HtmlTextBlocks.HIDDEN).remove();
        return Text.line(visible.text());
    }

}
