package io.newsflow.ingest.page;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.newsflow.ingest.normalize.Text;

/**
 * What both readers of a listing, the text one ({@link TextListing}) and the HTML one
 * ({@link ListingTable}), agree on: the names boards give their columns, the comment
 * badge a title may end in ({@code [7]}), and the limit of items a page yields. What a
 * reader does not see is {@link HtmlTextBlocks#HIDDEN}, shared the same way.
 */
final class ListingVocabulary {

    /** A trailing comment badge: {@code [7]}, seven digits at most. */
    private static final Pattern TRAILING_BADGE = Pattern.compile("\\[(\\d{1,7})]$");

    private ListingVocabulary() {
    }

    /** What a column holds, by the names boards give its header. */
    enum Column {

        NUMBER("번호", "글번호", "no", "no.", "num", "number"), TITLE("제목", "subject", "title", "글제목"),
        AUTHOR("글쓴이", "작성자", "이름", "닉네임", "글쓴이/작성자", "name", "writer", "author", "nick", "닉"),
        DATE("날짜", "작성일", "등록일", "일자", "작성시간", "등록시간", "date", "datetime", "시간"),
        CATEGORY("분류", "말머리", "카테고리", "구분", "category"), HITS("조회", "조회수", "hit", "hits", "views", "읽음", "read"),
        VOTES("추천", "추천수", "공감", "좋아요", "votes", "vote", "like", "likes");

        private static final Pattern SPACES = Pattern.compile("[\\s\\u00a0\\u3000]+");

        private final Set<String> names;

        Column(String... names) {
            this.names = Set.of(names);
        }

        static Column named(String header) {
            if (header == null) {
                return null;
            }
            // 제&nbsp;&nbsp;&nbsp;목, 조회 수: white space of any kind is no part of a name
            String name = SPACES.matcher(header).replaceAll("").toLowerCase(Locale.ROOT);
            for (Column column : values()) {
                if (column.names.contains(name)) {
                    return column;
                }
            }
            return null;
        }

    }

    /**
     * A title and the comment count of the {@code [n]} badge it ended in, or the title as
     * it is ({@code count} {@code null}) when it ends in none or is nothing but one.
     */
    record Badged(String title, Integer count) {

        static Badged of(String title) {
            Matcher badge = TRAILING_BADGE.matcher(title);
            if (badge.find() && badge.start() > 0) {
                String before = Text.line(title.substring(0, badge.start()));
                if (before != null) {
                    return new Badged(before, Integer.valueOf(badge.group(1)));
                }
            }
            return new Badged(title, null);
        }

    }

    /** A page with more items than one batch takes: {@code 413}, nothing published. */
    static PageLimitExceededException tooManyItems() {
        return new PageLimitExceededException("The page holds more than " + PageParser.MAX_ITEMS
                + " items (its article and listing rows); at most " + PageParser.MAX_ITEMS + " are read from one page");
    }

}
