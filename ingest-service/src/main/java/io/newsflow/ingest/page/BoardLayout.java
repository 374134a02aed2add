package io.newsflow.ingest.page;

import org.jsoup.nodes.Document;

/**
 * The board engines whose markup newsflow reads by structure, and where each keeps the
 * parts of a post's page. A page none of them recognises is read by the text rules
 * ({@link ScrapedPage#TEXT}).
 *
 * <p>
 * Every selector is evaluated once per page (or within one element of it), so reading a
 * page stays linear in its size.
 */
enum BoardLayout {

    /** GNUBoard 5 (and its themes): {@code #bo_v} view, {@code #bo_list} listing. */
    GNUBOARD("gnuboard", "#bo_v, #bo_list, form#fboardlist", "#bo_v", "#bo_v_title", ".bo_v_cate",
            "#bo_v_info .sv_member, #bo_v_info .sv_guest, #bo_v_info .member, #bo_v_info .profile_info_ct strong",
            "#bo_v_info .if_date, #bo_v_info time", "#bo_v_con", "#bo_list table, #fboardlist table"),

    /**
     * XpressEngine and its successor Rhymix: {@code .board_read}/{@code .rd} view,
     * {@code xe_content} body.
     */
    XPRESSENGINE("xpressengine",
            "meta[name=generator][content~=(?i)(xpressengine|rhymix)], .xe_content, .rhymix_content, "
                    + "table.bd_lst, .board_read",
            ".board_read, .rd, .read_wrap", ".read_header h1, .rd_hd h1, .read_header .title, .rd_hd .title",
            ".category, .cate", ".read_header .author, .read_header .nick, .rd_hd .nick, .rd_hd .author, .meta .author",
            ".read_header .time, .read_header .date, .rd_hd .date, .rd_hd .time, .meta .time",
            "[class*=document_].xe_content, [class*=document_].rhymix_content, .read_body .xe_content, "
                    + ".rd_body .xe_content, .read_body, .rd_body",
            ".board_list table, table.bd_lst, table.boardList"),

    /**
     * A large gallery-style community board: per-cell classes ({@code gall_num},
     * {@code gall_tit} …).
     */
    GALLERY("gallery", "table.gall_list, .gallview_head, .view_content_wrap .write_div", ".view_content_wrap",
            ".gallview_head .title, .view_content_wrap h3.title", ".title_headtext", ".gallview_head .gall_writer",
            ".gallview_head .gall_date", ".write_div, .writing_view_box", "table.gall_list");

    private final String id;

    private final String recognisedBy;

    final String view;

    final String title;

    final String category;

    final String author;

    final String time;

    final String content;

    final String listing;

    BoardLayout(String id, String recognisedBy, String view, String title, String category, String author, String time,
            String content, String listing) {
        this.id = id;
        this.recognisedBy = recognisedBy;
        this.view = view;
        this.title = title;
        this.category = category;
        this.author = author;
        this.time = time;
        this.content = content;
        this.listing = listing;
    }

    /** The name a page's answer gives for the layout. */
    String id() {
        return this.id;
    }

    /** The layout whose markup the page carries, or {@code null} for none. */
    static BoardLayout of(Document document) {
        for (BoardLayout layout : values()) {
            if (document.selectFirst(layout.recognisedBy) != null) {
                return layout;
            }
        }
        return null;
    }

}
