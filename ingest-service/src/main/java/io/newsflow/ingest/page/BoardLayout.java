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
            "#bo_v_info .if_date, #bo_v_info time", "#bo_v_con", "#bo_list table, #fboardlist table", null),

    /**
     * GNUBoard 4 (pages in EUC-KR or UTF-8): a view of unclassed tables whose title is
     * the page's {@code <title>} ({@code group > board > title}), {@code #writeContents}
     * body, a listing in the form named {@code fboardlist}.
     */
    GNUBOARD4("gnuboard4", "#writeContents, form[name=fboardlist]", "html", "head > title", null,
            "div:containsOwn(글쓴이) span.member, div:containsOwn(글쓴이) span.guest, span.member, span.guest",
            "span:containsOwn(작성일 :), span:containsOwn(작성일:)", "#writeContents", "form[name=fboardlist] table", null),

    /**
     * Zeroboard 4 and its many skins: the engine's own markup only (links to
     * {@code zboard.php?id=}, the {@code list_all.php} form, the fixed-layout table it
     * wraps every post's text in); header cells in words ({@code no}, {@code subject}) or
     * images ({@code head_subject.gif}), often each in a table of its own. What the view
     * does not mark (writer, time) comes from the listing's row of the post being viewed.
     */
    ZEROBOARD("zeroboard", "form[action*=list_all.php], a[href*=zboard.php?id=]", "html",
            "td.title_han b, td[class*=subject] b, td[class*=title] > b", null, null, null,
            "table[style*=table-layout:fixed]:has(col[width=\"100%\"]) td[valign=top]", null, null),

    /**
     * XpressEngine and its successor Rhymix: {@code .board_read}/{@code .rd} view,
     * {@code xe_content} body.
     */
    XPRESSENGINE("xpressengine",
            "meta[name=generator][content~=(?i)(xpressengine|rhymix)], .xe_content, .rhymix_content, "
                    + "table.bd_lst, .board_read",
            ".board_read, .rd, .read_wrap", ".read_header h1, .rd_hd h1, .read_header .title, .rd_hd .title",
            ".category, .cate",
            ".read_header .author, .read_header .nick, .rd_hd .nick, .rd_hd .author, .meta .author, .read_header .meta",
            ".read_header .time, .read_header .date, .rd_hd .date, .rd_hd .time, .meta .time",
            "[class*=document_].xe_content, [class*=document_].rhymix_content, .read_body .xe_content, "
                    + ".rd_body .xe_content, .read_body, .rd_body",
            ".board_list table, table.bd_lst, table.boardList", null),

    /**
     * A large gallery-style community board: per-cell classes ({@code gall_num},
     * {@code gall_tit} …).
     */
    GALLERY("gallery", "table.gall_list, .gallview_head, .view_content_wrap .write_div", ".view_content_wrap",
            ".gallview_head .title, .view_content_wrap h3.title", ".title_headtext", ".gallview_head .gall_writer",
            ".gallview_head .gall_date", ".write_div, .writing_view_box", "table.gall_list", null),

    /**
     * A news site's article page (not a board): the body in a CMS's article element
     * ({@code itemprop=articleBody}, {@code #article-view-content-div},
     * {@code #articleBody} …), its title, sub-headline, byline and time in a header that
     * may stand outside it. It has no listing of its own (a table of posts under it is
     * still read, as on any page).
     */
    NEWS("news",
            "[itemprop=articleBody], #article-view-content-div, #articleBody, #article_body, #articleBodyContents, "
                    + "#newsct_article, #dic_area, #news_body_area, .article_body, .article-body, .news_body, "
                    + ".article_txt, .news_view, #harmonyContainer, .article_view",
            "body",
            ".article-view-header .heading, .article-head-title, #title_area, .media_end_head_headline, "
                    + ".article_header h1, .article-header h1, .article_head h1, .news_title, .tit_view, #articleTitle, "
                    + ".article_tit, [itemprop=headline], article header h1, h1.headline, h1.title, main h1, .headline",
            ".article-head-section, .article_section, .section_name",
            ".article-view-header .byline, .article-view-header .infomation, .media_end_head_journalist_name, "
                    + ".byline_s, .article_header .byline, "
                    + ".article-header .byline, .article_info .reporter, .byline, [itemprop=author], .writer, .reporter, "
                    + ".infomation, .information, .article_info, .art_info, .info_group",
            "[itemprop=datePublished], [data-date-time], .article-view-header .infomation, .article_header time, "
                    + ".article-header time, "
                    + ".article_info .date, .date_info, .byline time, .date, .infomation, .information, .article_info, "
                    + ".art_info, .info_group",
            "[itemprop=articleBody], #article-view-content-div, #articleBody, #article_body, #articleBodyContents, "
                    + "#newsct_article, #dic_area, #news_body_area, .article_body, .article-body, .news_body, "
                    + ".article_txt, .news_view, #harmonyContainer, .article_view",
            null,
            ".article-view-header .subheading, .article-head-sub, .article_header .subtitle, .article-header .subtitle, "
                    + ".sub_title, .subtitle, .article_subtitle, h2.subheading");

    private final String id;

    private final String recognisedBy;

    final String view;

    final String title;

    final String category;

    final String author;

    final String time;

    final String content;

    /** Where the listing is, {@code null} for a page that has none. */
    final String listing;

    /**
     * Where sub-headlines stand outside the content, one per line, or {@code null}.
     */
    final String subtitles;

    BoardLayout(String id, String recognisedBy, String view, String title, String category, String author, String time,
            String content, String listing, String subtitles) {
        this.id = id;
        this.recognisedBy = recognisedBy;
        this.view = view;
        this.title = title;
        this.category = category;
        this.author = author;
        this.time = time;
        this.content = content;
        this.listing = listing;
        this.subtitles = subtitles;
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
