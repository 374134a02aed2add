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
class HtmlPagesTests {

    @Test
    void gnuboard5ViewAndListing() throws IOException {
        ScrapedPage page = HtmlPages.read(utf8("gnuboard5.html"));

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
        ScrapedPage page = HtmlPages.read(utf8("gnuboard5-basic.html"));

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
    }

    @Test
    void theViewedRowOfAListingNumberedByIdsKeepsTheIdOfItsLink() {
        String html = """
                <div id="bo_list"><table><thead><tr><th>번호</th><th>제목</th><th>글쓴이</th><th>날짜</th></tr></thead><tbody>
                <tr><td>9120</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9120">첫 글</a></td><td>가</td><td>2024.07.24</td></tr>
                <tr><td><span class="bo_current">열람중</span></td><td><a href="/bbs/board.php?bo_table=a&wr_id=9117">보는 글</a></td><td>나</td><td>2024.07.24</td></tr>
                <tr><td>9101</td><td><a href="/bbs/board.php?bo_table=a&wr_id=9101">셋째 글</a></td><td>다</td><td>2024.07.23</td></tr>
                </tbody></table></div>""";

        assertThat(HtmlPages.read(html).rows()).extracting(ListingRow::number).containsExactly(9120L, 9117L, 9101L);
    }

    @Test
    void xpressEngineRhymixViewAndListing() throws IOException {
        ScrapedPage page = HtmlPages.read(utf8("rhymix.html"));

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

    @Test
    void galleryBoardViewAndListing() throws IOException {
        ScrapedPage page = HtmlPages.read(utf8("gallery.html"));

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
        ScrapedPage page = HtmlPages.read(PageCharsets.decode(bytes, MediaType.TEXT_HTML, true));

        assertThat(page.article().title()).isEqualTo("가을 출사 모임 후기");
        assertThat(page.article().paragraphs()).first().isEqualTo("지난 주말 강변 공원에서 가을 출사 모임을 가졌습니다.");
        assertThat(page.rows()).containsExactly(new ListingRow(318, "가을 출사 모임 후기", 4, "물안개", "10-13", null),
                new ListingRow(317, "삼각대 추천 부탁드립니다", null, "초보찍사", "10-12", null));
        assertThat(PageCharsets.decode(bytes, MediaType.parseMediaType("text/html; charset=EUC-KR"), true))
            .isEqualTo(PageCharsets.decode(bytes, MediaType.TEXT_HTML, true));
    }

    @Test
    void aPageOfAnUnknownLayoutIsReadByTheTextRulesWithItsArticleHeaderKept() {
        String html = """
                <html><head><meta property="og:title" content="메타에 있는 제목"></head><body>
                <header><nav>사이트 메뉴</nav></header>
                <article><header><h1>기사 머리에 있는 제목</h1></header>
                <p>첫 문단이다.</p><p>둘째 문단이다.</p></article></body></html>""";
        ScrapedPage page = HtmlPages.read(html);

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
        ScrapedArticle article = HtmlPages.read(html).article();

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
        ScrapedPage page = HtmlPages.read(html);

        assertThat(page.rows()).extracting(ListingRow::title, ListingRow::commentCount)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("괄호 배지", 12),
                    org.assertj.core.groups.Tuple.tuple("대괄호 배지", 3),
                    org.assertj.core.groups.Tuple.tuple("읽기 도구용 말", 9),
                    org.assertj.core.groups.Tuple.tuple("숫자가 끝에 있는 제목 2", null));
    }

    private static String utf8(String name) throws IOException {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = HtmlPagesTests.class.getResourceAsStream("/pages/html/" + name)) {
            return in.readAllBytes();
        }
    }

}
