package io.newsflow.ingest.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTML pages of the recognised board engines, read by their structure (fixtures written
 * for these tests).
 */
class HtmlPageReaderTests {

    @Test
    void gnuboard5ViewAndListing() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("gnuboard5.html"));

        assertThat(page.layout()).isEqualTo("gnuboard");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("전력 수요 여름 최고치 경신");
        assertThat(article.section()).isEqualTo("경제");
        assertThat(article.author()).isEqualTo("소식지기");
        assertThat(article.publishedAt()).isEqualTo("24-08-06 09:41");
        assertThat(article.subtitles()).containsExactly("“냉방 수요가 공급 예비력을 시험하고 있다”", "“이번 주 후반 다시 고비 올 듯”");
        assertThat(article.paragraphs()).containsExactly(
                "낮 최고기온이 36도까지 오른 5일 오후, 전국 전력 수요가 올여름 들어 가장 높은 수준을 기록했다고 전력거래소가 밝혔다.",
                "전력거래소는 이날 오후 5시 기준 최대 전력 수요가 9만 3천 메가와트를 넘었으며, 공급 예비율은 9퍼센트 안팎을 유지했다고 설명했다.",
                "정부는 발전소 정비 일정을 늦추고 수요 반응 자원을 대기시키는 등 비상 대응 체계를 이어가기로 했다. " + "관계자는 “당분간 저녁 시간대 절전에 협조해 달라”고 당부했다.");
        assertThat(article.captions()).containsExactly(new Caption("5일 오후 한 변전소에서 작업자들이 설비를 점검하고 있다.", "한빛통신"));
        assertThat(article.outlet()).isEqualTo("한빛경제신문");

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(
                new ListingRow(2210, "전력 수요 여름 최고치 경신", 7, "소식지기", "2024-08-06 09:41:05", "경제"),
                new ListingRow(2209, "항만 물동량 회복세…“하반기 더 늘 것”", 3, "바닷바람", "08:02", "경제"),
                new ListingRow(2208, "[단독] 도심 공공자전거 대여소 200곳 늘린다", null, "두바퀴", "08-05", "사회"),
                new ListingRow(2207, "주말 비 소식, 더위는 잠시 주춤 (사진)", 15, "하늘보기", "08-05", null));
    }

    /**
     * GNUBoard 5's basic skin as its templates render it: the writer inside the side-view
     * menu (쪽지보내기, 자기소개 …), the view area's own headings (페이지 정보, 본문), the row being
     * viewed marked 열람중 in a listing numbered in sequence, category links, icons and
     * comment counts between screen-reader words; a news article carried in the body with
     * its photo caption, byline and source line.
     */
    @Test
    void gnuboard5BasicSkinAsItsTemplatesRenderIt() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("gnuboard5-basic.html"));

        assertThat(page.layout()).isEqualTo("gnuboard");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("폭설에 묶인 산간 마을 버스 노선");
        assertThat(article.section()).isEqualTo("교통");
        assertThat(article.subtitles()).containsExactly("\"제설차 두 대로는 고개 못 넘어\"", "\"주민들 사흘째 읍내 병원 못 가\"");
        assertThat(article.paragraphs()).hasSize(3)
            .first()
            .isEqualTo("지난달 31일부터 이어진 폭설로 북부 산간 마을 세 곳을 잇는 시내버스 노선이 사흘째 멈춰 섰다.");
        assertThat(article.paragraphs()).noneMatch(paragraph -> paragraph.contains("기자") || paragraph.contains("출처")
                || paragraph.contains("페이지 정보") || paragraph.contains("스크랩"));
        assertThat(article.captions())
            .containsExactly(new Caption("2일 오전 눈이 허리 높이까지 쌓인 고갯길에서 제설 장비가 길을 내고 있다.", "산골일보"));
        assertThat(article.author()).as("the article's byline").isEqualTo("한서윤");
        assertThat(article.outlet()).as("from its source line").isEqualTo("산골일보");
        assertThat(article.publishedAt()).isEqualTo("25-01-02 07:12");

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(new ListingRow(5004, "폭설에 묶인 산간 마을 버스 노선", 2, "눈길지기", "07:12", "교통"),
                new ListingRow(5003, "새해 첫 해돋이 명소 날씨 정리", null, "해넘이", "01-01", "날씨"),
                new ListingRow(5002, "연말 막차 시간 연장되나요", 1, "막차손님", "12-31", "교통"));
        assertThat(page.current()).as("the viewed post, numbered by its place").isEqualTo(page.rows().get(0));
    }

    @Test
    void theViewedRowOfAListingNumberedByIdsKeepsTheIdOfItsLink() {
        String html = """
                <div id="bo_list"><table><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th><th>날짜</th></tr></thead><tbody>
                <tr><td>9120</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9120">첫 글</a></td><td>가</td><td>2024.07.24</td></tr>
                <tr><td><span class="bo_current">열람중</span></td><td><a href="/bbs/board.php?bo_table=a&wr_id=9117">보는 글</a></td><td>나</td><td>2024.07.24</td></tr>
                <tr><td>9101</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9101">셋째 글</a></td><td>다</td><td>2024.07.23</td></tr>
                </tbody></table></div>""";

        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.rows()).extracting(ListingRow::number).containsExactly(9120L, 9117L, 9101L);
        assertThat(page.current()).isEqualTo(page.rows().get(1));
    }

    /**
     * Numbers that are neither a sequence nor the ids of the rows' links (a page of a
     * listing after posts were removed): the viewed row's list number is unknown, and its
     * link's id is a number of another kind, so it is left out, never stored under it.
     */
    @Test
    void theViewedRowIsLeftOutWhenItsListNumberCannotBeKnown() {
        String html = """
                <div id="bo_list"><table><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th><th>날짜</th></tr></thead><tbody>
                <tr><td>58</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9120">첫 글</a></td><td>가</td><td>2024.07.24</td></tr>
                <tr><td><span class="bo_current">열람중</span></td><td><a href="/bbs/board.php?bo_table=a&wr_id=9117">보는 글</a></td><td>나</td><td>2024.07.24</td></tr>
                <tr><td>55</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9101">셋째 글</a></td><td>다</td><td>2024.07.23</td></tr>
                </tbody></table></div>""";
        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.rows()).extracting(ListingRow::number).containsExactly(58L, 55L);
        assertThat(page.skippedLines()).isEqualTo(1);
        assertThat(page.current()).as("no post is known as the one the page shows").isNull();
    }

    @Test
    void xpressEngineRhymixViewAndListing() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("rhymix.html"));

        assertThat(page.layout()).isEqualTo("xpressengine");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("동네 도서관 야간 개관 시작");
        assertThat(article.section()).isEqualTo("생활");
        assertThat(article.author()).isEqualTo("책방지기");
        assertThat(article.publishedAt()).as("the page's machine-readable time").isEqualTo("2024-08-05T21:14:03+09:00");
        assertThat(article.subtitles()).isEmpty();
        assertThat(article.paragraphs()).hasSize(3).first().isEqualTo("동네 공공도서관이 이번 주부터 평일 밤 10시까지 문을 연다.");
        assertThat(article.captions()).containsExactly(new Caption("불이 켜진 도서관 열람실에서 주민들이 책을 고르고 있다.", "두레마을 사진팀"));
        assertThat(article.paragraphs()).noneMatch(paragraph -> paragraph.contains("퇴근하고 들를 수"));

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(
                new ListingRow(88312, "동네 도서관 야간 개관 시작", 2, "책방지기", "2024.08.05 21:14", "생활"),
                new ListingRow(88297, "유모차 나눔합니다 (상태 좋음)", null, "새싹맘", "2024.08.05 18:40", "장터"),
                new ListingRow(88290, "[공유] 이번 주 분리수거 요일 바뀝니다", 11, "초록손", "2024.08.04 09:03", null));
    }

    /**
     * Rhymix's default board skin as {@code list.html} and {@code _read.html} render it:
     * a guest's name as bare text beside the counts, notices in {@code tr.notice}, the
     * viewed row marked {@code &raquo;}, {@code replyNum} comment badges beside
     * {@code trackbackNum} badges (trackbacks are no comments), new/update/file/secret
     * icons, dates as {@code Y.m.d}.
     */
    @Test
    void rhymixDefaultSkinAsItsTemplatesRenderIt() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("rhymix-default.html"));

        assertThat(page.layout()).isEqualTo("xpressengine");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("골목 벽화 새로 그립니다");
        assertThat(article.section()).isEqualTo("소식");
        assertThat(article.author()).isEqualTo("페인트통");
        assertThat(article.publishedAt()).isEqualTo("2024.11.05 14:32");
        assertThat(article.paragraphs()).hasSize(3).first().isEqualTo("이번 주말에 시장 뒷골목 담장 벽화를 새로 그립니다.");

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(new ListingRow(342, "골목 벽화 새로 그립니다", 3, "페인트통", "2024.11.05", null),
                new ListingRow(341, "[나눔] 화분 받침 여러 개", null, "초록손", "2024.11.04", null),
                new ListingRow(340, "가로등 고장 신고 어디로 하나요? 2", 5, "밤길", "2024.11.03", null));
    }

    @Test
    void galleryBoardViewAndListing() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("gallery.html"));

        assertThat(page.layout()).isEqualTo("gallery");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("올스타전 투표 중간 집계 나왔다");
        assertThat(article.section()).isEqualTo("일반");
        assertThat(article.author()).isEqualTo("파울볼");
        assertThat(article.publishedAt()).isEqualTo("2024-08-06 13:27:44");
        assertThat(article.paragraphs()).containsExactly("올스타전 팬 투표 1차 중간 집계가 오늘 오후 발표됐다.",
                "외야수 부문에서는 신인 선수가 베테랑들을 제치고 1위에 올라 눈길을 끈다. 2위와의 차이는 3만 표 남짓이다.", "최종 투표는 다음 주 금요일 자정에 마감된다.");
        assertThat(article.captions()).containsExactly(new Caption("중간 집계 화면을 갈무리한 사진.", "구단 공식 누리집"));

        assertThat(page.notices()).as("the notice and the pinned survey").isEqualTo(2);
        assertThat(page.rows()).containsExactly(
                new ListingRow(524310, "올스타전 투표 중간 집계 나왔다", 41, "파울볼", "2024-08-06 13:27:44", "일반"),
                new ListingRow(524309, "우천 취소 경기 재편성 언제 나오나요", 6, "ㅇㅇ", "2024-08-06 13:19:02", "질문"),
                new ListingRow(524305, "어제 9회말 수비 위치 정리 [표]", null, "외야펜스", "2024-08-05 23:58:31", "일반"));
    }

    @Test
    void aPageInEucKrDeclaredInItsMetaIsReadExactly() throws IOException {
        byte[] bytes = bytes("euc-kr.html");
        ScrapedPage page = HtmlPageReader.read(PageCharsets.decode(bytes, MediaType.TEXT_HTML, true));

        assertThat(page.article().title()).isEqualTo("가을 출사 모임 후기");
        assertThat(page.article().paragraphs()).first().isEqualTo("지난 주말 강변 공원에서 가을 출사 모임을 가졌습니다.");
        assertThat(page.rows()).containsExactly(new ListingRow(318, "가을 출사 모임 후기", 4, "물안개", "10-13", null),
                new ListingRow(317, "삼각대 추천 부탁드립니다", null, "초보찍사", "10-12", null));
        assertThat(PageCharsets.decode(bytes, MediaType.parseMediaType("text/html; charset=EUC-KR"), true))
            .isEqualTo(PageCharsets.decode(bytes, MediaType.TEXT_HTML, true));
    }

    /**
     * GNUBoard 4's basic skin in CP949 (똠 and 햏 exist in no other Korean charset): a view
     * of unclassed tables titled by the page's {@code <title>}, the writer's side-view
     * link with an IP after it, {@code <br/>
     * } paragraphs; a listing in a form without an id whose header spells
     * {@code 제&nbsp;&nbsp;&nbsp;목}, category links without a class, the viewed row's
     * number in a {@code .current} span, a reply row, {@code (5)} counts.
     */
    @Test
    void gnuboard4InCp949AsItsTemplatesRenderIt() throws IOException {
        byte[] bytes = bytes("gnuboard4-euc-kr.html");
        ScrapedPage page = HtmlPageReader.read(PageCharsets.decode(bytes, MediaType.TEXT_HTML, true));

        assertThat(page.layout()).isEqualTo("gnuboard4");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("똠방각하 보신 분 계신가요");
        assertThat(article.author()).isEqualTo("햏자");
        assertThat(article.publishedAt()).isEqualTo("24-10-13 19:05");
        assertThat(article.paragraphs()).containsExactly("어릴 때 텔레비전에서 본 드라마 제목이 갑자기 떠올랐습니다.",
                "동네 반장 아저씨가 주인공이었던 것 같은데, 줄거리가 잘 기억나지 않아요. 혹시 기억하시는 분 있으면 알려 주세요.", "햏햏 하던 시절 이야기도 환영입니다.");

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(new ListingRow(1284, "똠방각하 보신 분 계신가요", 5, "햏자", "19:05", "잡담"),
                new ListingRow(1283, "Re: 오래된 카메라 필름 어디서 사나요", null, "필름통", "10-12", "질문"),
                new ListingRow(1282, "오래된 카메라 필름 어디서 사나요", 12, "렌즈닦이", "10-11", "질문"));
    }

    /**
     * Zeroboard 4 as its engine and a skin render it: header cells each in a nested table
     * ({@code no}, {@code subject}, {@code name}, {@code date}), rule rows between the
     * posts, a notice numbered {@code :::}, the viewed row marked by an arrow image,
     * {@code <Zeroboard} pseudo-tags where a button is not allowed, titles with entities
     * and emoji, {@code [12]} counts in their own element, full dates in Korean in
     * {@code title} attributes; the post's text in the engine's fixed-layout table, its
     * writer and time from the viewed row.
     */
    @Test
    void zeroboard4AsItsEngineAndASkinRenderIt() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("zeroboard4.html"));

        assertThat(page.layout()).isEqualTo("zeroboard");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("장마 끝나고 첫 산책 & 사진 몇 장 🌿");
        assertThat(article.author()).isEqualTo("솔바람");
        assertThat(article.publishedAt()).isEqualTo("2024년 07월 23일 21시 14분 08초");
        assertThat(article.paragraphs()).containsExactly("비가 그친 저녁에 천변을 따라 한 시간쯤 걸었습니다.",
                "물이 많이 불어서 징검다리는 잠겨 있었고, 산책로 곳곳에 떠밀려 온 나뭇가지가 쌓여 있더군요.", "그래도 하늘이 맑아서 노을은 오랜만에 제대로 봤습니다.");

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(
                new ListingRow(737, "장마 끝나고 첫 산책 & 사진 몇 장 🌿", 12, "솔바람", "2024년 07월 23일 21시 14분 08초", null),
                new ListingRow(736, "[re] 우산 챙기세요 <내일도 비>", null, "구름", "2024년 07월 22일 07시 02분 51초", null),
                new ListingRow(735, "우산 챙기세요", 2, "비구름", "2024년 07월 21일 22시 40분 10초", null));
    }

    /**
     * Header cells drawn as images ({@code head_no.gif} …, or with an {@code alt}) below
     * a spacer row: the columns are named by the images.
     */
    @Test
    void headerCellsDrawnAsImagesNameTheirColumns() {
        String html = """
                <table><tr><td colspan=5 background=skin/brown/s_top_bg.gif><img src=skin/brown/s_top_bg.gif></td></tr>
                <tr height=30><td><a href="zboard.php?id=a&select_arrange=headnum"><img src="skin/brown/head_no.gif"></a></td>
                <td><img src=skin/brown/head_subject.gif?v=2></td><td><img src="skin/brown/head_name.gif"></td>
                <td><img src="skin/brown/btn.gif" alt="날짜"></td><td><img src="skin/brown/head_hit.gif"></td></tr>
                <tr><td colspan=5><img src=skin/brown/s_bottom_bg.gif></td></tr>
                <tr><td>41</td><td><a href="zboard.php?id=a&no=90">그림 헤더 목록</a> <span class="comment_number">[3]</span></td><td>가람</td><td>2024/07/23</td><td>5</td></tr>
                <tr><td colspan=5><img src=skin/brown/line_back.gif></td></tr>
                <tr><td>40</td><td><a href="zboard.php?id=a&no=88">둘째 줄</a></td><td>나래</td><td>2024/07/22</td><td>9</td></tr>
                </table>""";
        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.rows()).containsExactly(new ListingRow(41, "그림 헤더 목록", 3, "가람", "2024/07/23", null),
                new ListingRow(40, "둘째 줄", null, "나래", "2024/07/22", null));
        assertThat(page.notices()).isZero();
    }

    @Test
    void aPageOfAnUnknownLayoutIsReadByTheTextRulesWithItsArticleHeaderKept() {
        String html = """
                <html><head><meta property="og:title" content="메타에 있는 제목"></head><body>
                <header><nav>사이트 메뉴</nav></header>
                <article><header><h1>기사 머리에 있는 제목</h1></header>
                <p>첫 문단이다.</p><p>둘째 문단이다.</p></article></body></html>""";
        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.layout()).isEqualTo("text");
        assertThat(page.article().title()).isEqualTo("기사 머리에 있는 제목");
        assertThat(page.article().paragraphs()).containsExactly("첫 문단이다.", "둘째 문단이다.");
    }

    @Test
    void newsArticleJsonLdGivesTheTimeAuthorAndPublisher() {
        String html = """
                <html><head><script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"}, {"@type": "NewsArticle",
                 "headline": "항만 확장 첫 삽", "datePublished": "2024-07-24T14:32:00+09:00",
                 "author": [{"@type": "Person", "name": "김하늘"}], "publisher": {"@type": "Organization", "name": "한빛경제"},
                 "articleSection": "경제"}]}
                </script></head><body><main><p>남해안의 한 항만에서 확장 공사 착공식이 열렸다.</p></main></body></html>""";
        ScrapedArticle article = HtmlPageReader.read(html).article();

        assertThat(article.title()).isEqualTo("항만 확장 첫 삽");
        assertThat(article.publishedAt()).isEqualTo("2024-07-24T14:32:00+09:00");
        assertThat(article.author()).isEqualTo("김하늘");
        assertThat(article.outlet()).isEqualTo("한빛경제");
        assertThat(article.section()).isEqualTo("경제");
    }

    @Test
    void listingTitlesNeverCarryTheirCommentBadgesWhateverTheirForm() {
        String html = """
                <div id="bo_list"><table><thead><tr><th>No</th><th>Subject</th><th>Name</th><th>Date</th></tr></thead><tbody>
                <tr><td>5</td><td><a href="/b/5">괄호 배지</a> <span>(12)</span></td><td>가</td><td>2024.07.24</td></tr>
                <tr><td>4</td><td><a href="/b/4">대괄호 배지 [3]</a></td><td>나</td><td>2024.07.24</td></tr>
                <tr><td>3</td><td><a href="/b/3">읽기 도구용 말</a><span class="sound_only">댓글</span><span class="cnt_cmt">9</span><span class="sound_only">개</span></td><td>다</td><td>2024.07.24</td></tr>
                <tr><td>2</td><td><a href="/b/2">숫자가 끝에 있는 제목 2</a></td><td>라</td><td>2024.07.24</td></tr>
                <tr><td colspan="4">검색된 글이 없습니다</td></tr>
                </tbody></table></div>""";
        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.rows()).extracting(ListingRow::title, ListingRow::commentCount)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("괄호 배지", 12),
                    org.assertj.core.groups.Tuple.tuple("대괄호 배지", 3),
                    org.assertj.core.groups.Tuple.tuple("읽기 도구용 말", 9),
                    org.assertj.core.groups.Tuple.tuple("숫자가 끝에 있는 제목 2", null));
    }

    /**
     * A news site's article page as a common Korean news CMS renders it: title,
     * sub-headline and reporter in a header outside the article element, JSON-LD with
     * escapes, a trailing comma and two authors, ads inside the body, a copyright line, a
     * reporter box and asides of most-read and latest articles around it.
     */
    @Test
    void newsCmsArticlePageIsReadByItsHeaderBodyAndJsonLd() throws IOException {
        ScrapedPage page = HtmlPageReader.read(utf8("news-cms.html"));

        assertThat(page.layout()).isEqualTo("news");
        ScrapedArticle article = page.article();
        assertThat(article.title()).isEqualTo("폐교 고쳐 만든 청년 창업 공간 문 연다");
        assertThat(article.subtitles()).containsExactly("옛 분교 건물 고쳐 사무실 12곳 마련", "입주 청년에게 2년간 임대료 받지 않기로");
        assertThat(article.paragraphs()).containsExactly("[한결일보=한서윤 기자] 학생이 없어 문을 닫은 산골 분교가 청년들의 창업 공간으로 다시 문을 연다.",
                "군은 2019년 폐교된 옛 분교 건물을 2년에 걸쳐 고쳐 사무실 12곳과 공동 작업실, 회의실을 마련했다고 3일 밝혔다.",
                "입주하는 청년은 2년 동안 임대료를 내지 않고, 전기와 통신 요금의 절반을 지원받는다. 군은 올해 안에 입주자 선정을 마칠 계획이다.",
                "군 관계자는 \"마을에 젊은 사람이 머물 이유를 만드는 것이 목표\"라고 말했다.");
        assertThat(article.captions())
            .containsExactly(new Caption("새로 고친 분교 교실에서 입주 예정인 청년들이 사무실 배치를 살펴보고 있다.", "한결일보 DB"));
        assertThat(article.author()).isEqualTo("한서윤, 박도윤");
        assertThat(article.outlet()).isEqualTo("한결일보");
        assertThat(article.section()).isEqualTo("지역");
        assertThat(article.publishedAt()).isEqualTo("2024-09-03T09:12:00+09:00");
        assertThat(page.rows()).isEmpty();
        assertThat(page.notices()).isZero();
    }

    /**
     * Without JSON-LD, the page's header and OpenGraph tell the rest: the reporter and
     * the time from the header's info list, the title without the site's name that
     * {@code og:title} carries.
     */
    @Test
    void newsPageWithoutJsonLdTakesItsHeaderAndOpenGraph() {
        String html = """
                <html><head><meta property="og:site_name" content="산골일보">
                <meta property="og:title" content="읍내 장날 주차 대책 마련 | 산골일보"></head><body>
                <header id="site"><h1>산골일보</h1></header>
                <div class="article_head"><ul class="infomation"><li>정하람 기자</li><li>승인 2024.09.05 16:20</li><li>댓글 3</li></ul></div>
                <div id="articleBody"><p>장날마다 되풀이되던 읍내 주차난을 덜기 위해 군이 임시 주차장 세 곳을 연다.</p>
                <p>주차장은 장이 서는 날에만 무료로 운영된다.</p></div>
                <div class="article_relation"><p>관련기사 장날 교통 통제 구간 바뀐다</p></div>
                </body></html>""";
        ScrapedArticle article = HtmlPageReader.read(html).article();

        assertThat(article.title()).isEqualTo("읍내 장날 주차 대책 마련");
        assertThat(article.author()).isEqualTo("정하람");
        assertThat(article.publishedAt()).isEqualTo("2024.09.05 16:20");
        assertThat(article.paragraphs()).containsExactly("장날마다 되풀이되던 읍내 주차난을 덜기 위해 군이 임시 주차장 세 곳을 연다.",
                "주차장은 장이 서는 날에만 무료로 운영된다.");
    }

    /**
     * A portal's news view: a banner headline above the article is not its title (the
     * layout's selectors are tried most specific first), the time in a
     * {@code data-date-time} attribute, paragraphs made by blank lines only.
     */
    @Test
    void aPortalsNewsViewTakesTheMostSpecificTitleAndItsDateAttribute() {
        String html = """
                <html><body><div class="headline"><a href="/top">오늘의 주요 뉴스 모음</a></div>
                <div class="media_end_head_title"><h2 id="title_area"><span>읍내 장날 주차 대책 마련</span></h2></div>
                <div class="media_end_head_info"><span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME"
                 data-date-time="2024-09-05 16:20:11">2024.09.05. 오후 4:20</span>
                <em class="media_end_head_journalist_name">정하람 기자</em></div>
                <article id="dic_area">장날마다 되풀이되던 읍내 주차난을 덜기 위해 군이 임시 주차장 세 곳을 연다.<br><br>
                주차장은 장이 서는 날에만 무료로 운영된다.<br><br>정하람 기자 haram@sangol.example</article>
                </body></html>""";
        ScrapedPage page = HtmlPageReader.read(html);

        assertThat(page.layout()).isEqualTo("news");
        assertThat(page.article().title()).isEqualTo("읍내 장날 주차 대책 마련");
        assertThat(page.article().publishedAt()).isEqualTo("2024-09-05 16:20:11");
        assertThat(page.article().author()).isEqualTo("정하람");
        assertThat(page.article().paragraphs()).containsExactly("장날마다 되풀이되던 읍내 주차난을 덜기 위해 군이 임시 주차장 세 곳을 연다.",
                "주차장은 장이 서는 날에만 무료로 운영된다.");
    }

    private static String utf8(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = HtmlPageReaderTests.class.getResourceAsStream("/pages/html/" + name)) {
            return in.readAllBytes();
        }
    }

}
