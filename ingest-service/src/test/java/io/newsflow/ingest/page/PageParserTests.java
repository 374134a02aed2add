package io.newsflow.ingest.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The page format on pages written for these tests, in text and in HTML. */
class PageParserTests {

    @ParameterizedTest
    @ValueSource(strings = { "text", "html", "crlf" })
    void readsTheArticleOfAPageWhateverItsForm(String form) throws IOException {
        ScrapedPage page = PageParser.parse(articleAndListing(form));

        assertThat(page.article().title()).isNull();
        assertThat(page.article().subtitles()).containsExactly("“항만 물동량 역대 최대”", "“신규 선석 2곳 내년 개장”", "“지역 고용도 늘어난다 \"");
        assertThat(page.article().paragraphs()).containsExactly("남해안의 한 항만이 올해 상반기 물동량 기록을 다시 썼다고 항만공사가 21일 밝혔다.",
                "항만공사 관계자는 “신규 선석이 문을 열면 처리 능력이 30% 늘어난다”고 말했다.", "“물류비 부담이 줄어들 것”이라는 기대도 나온다.");
        assertThat(page.article().captions())
            .containsExactly(new Caption("21일 오후 항만 부두에서 컨테이너를 실은 선박이 출항하고 있다.", "뉴스1"));
        assertThat(page.article().outlet()).isEqualTo("한빛경제");
    }

    @ParameterizedTest
    @ValueSource(strings = { "text", "html", "crlf" })
    void readsTheListingRowsKeepingTitlesAsWritten(String form) throws IOException {
        ScrapedPage page = PageParser.parse(articleAndListing(form));

        assertThat(page.rows()).containsExactly(new ListingRow(5012, "물가 3.1% 상승…“체감은 더 높다”", 12, "소식봇", "2024.07.21"),
                new ListingRow(5011, "[단독] 2024.08.01부터 버스 요금 인상", null, "소식봇", "14:32"),
                new ListingRow(5010, "‘K-푸드’ 수출 10조 원 돌파… 라면·김 효자 품목", null, "소식봇", "2024.07.21"),
                new ListingRow(5009, "여름휴가 어디로? 국내 여행지 TOP 10 (사진)", null, "소식봇", "07.20"),
                new ListingRow(5008, "주말 날씨: 낮 최고 35도·소나기", 3, "소식봇", "2024-07-20"));
    }

    @Test
    void noticeRowsAreCountedNotStoredAndOtherLinesAreSkipped() throws IOException {
        ScrapedPage page = PageParser.parse(fixture("article-and-listing.txt"));

        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.skippedLines()).isEqualTo(1);
        // the notice row is no post under any number or title; the pagination line is no
        // row
        assertThat(page.rows()).extracting(ListingRow::number).containsExactly(5012L, 5011L, 5010L, 5009L, 5008L);
        assertThat(page.rows()).extracting(ListingRow::title).noneMatch(title -> title.contains("이용 규칙"));
        assertThat(page.rows()).extracting(ListingRow::author).doesNotContain("운영자");
    }

    @Test
    void articleOnlyPageHasItsTitleLineAndDateLine() throws IOException {
        ScrapedPage page = PageParser.parse(fixture("article-only.txt"));

        assertThat(page.rows()).isEmpty();
        assertThat(page.article().title()).isEqualTo("도심 공원에 반딧불이 돌아왔다");
        assertThat(page.article().publishedAt()).isEqualTo("2024.07.22 09:15");
        assertThat(page.article().subtitles()).isEmpty();
        assertThat(page.article().paragraphs()).hasSize(2).first().asString().startsWith("도심 한가운데");
        assertThat(page.article().outlet()).isEqualTo("푸른일보");
    }

    @Test
    void listingOnlyPageWithExtraColumnsAndTimeOnlyDates() throws IOException {
        ScrapedPage page = PageParser.parse(fixture("listing-only.txt").replace("\n", "\r\n"));

        assertThat(page.article()).isNull();
        assertThat(page.notices()).isEqualTo(1);
        assertThat(page.rows()).containsExactly(new ListingRow(3021, "오늘의 점심 메뉴 추천 받습니다", 5, "점심요정", "12:05"),
                new ListingRow(3020, "중고 자전거 팝니다 (상태 A급)", null, "두발자전거", "2024.07.23"),
                new ListingRow(3019, "\"이 가격 실화?\" 노트북 특가 정보", null, "알뜰이", "2024.07.23"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "\n\n", "안녕하세요", "번호 제목 글쓴이 날짜\n목록이 비었습니다" })
    void pageWithoutArticleOrRowsIsEmpty(String text) {
        assertThat(PageParser.parse(text).isEmpty()).isTrue();
    }

    @Test
    void quotedParagraphAfterTheSubtitlesIsNoSubtitle() {
        ScrapedPage page = PageParser.parse("“부제 하나”\n\n“인용으로 시작하는 문단”이라고 그는 말했다.\n\n둘째 문단이다.");

        assertThat(page.article().subtitles()).containsExactly("“부제 하나”");
        assertThat(page.article().paragraphs()).hasSize(2);
    }

    /**
     * What closes a news article is none of its paragraphs: its byline gives the author,
     * its source or copyright line the outlet, in whatever order the outlet prints them.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            한서윤 기자 seoyun@sangol.example.kr | 출처 : 산골일보(https://www.sangol.example.kr) | 한서윤 | 산골일보
            김하늘기자                            | 저작권자 © 한결일보 무단전재 및 재배포 금지        | 김하늘 | 한결일보
            셋째 문단이다.                        | <저작권자(c) 연합뉴스, 무단 전재-재배포 금지>     |        | 연합뉴스
            박도윤 특파원 = dy@wire.example.com   | Copyright ⓒ 바른경제. All rights reserved.        | 박도윤 | 바른경제
            """)
    void theLinesThatCloseAnArticleGiveItsAuthorAndOutlet(String byline, String source, String author, String outlet) {
        ScrapedPage page = PageParser.parse("첫 문단이다.\n\n둘째 문단이다.\n\n" + byline + "\n\n" + source);

        List<String> paragraphs = page.article().paragraphs();
        assertThat(page.article().author()).isEqualTo(author);
        assertThat(page.article().outlet()).isEqualTo(outlet);
        assertThat(paragraphs).startsWith("첫 문단이다.", "둘째 문단이다.").doesNotContain(source);
        assertThat(paragraphs).hasSize(author == null ? 3 : 2);
    }

    /**
     * A copyright line whose lower-cased form is longer than itself (a Turkish dotted
     * capital I lower-cases to two characters) still names its outlet: the mark is found
     * in the line, not in a copy with other indexes. A fuzzer's finding: the parse threw
     * StringIndexOutOfBoundsException, a 500 for the page.
     */
    @Test
    void aCopyrightLineThatGrowsWhenLowerCasedStillNamesItsOutlet() {
        ScrapedPage page = PageParser.parse("첫 문단이다.\n\n둘째 문단이다.\n\nİİ 저작권자 (c) 한결일보 무단전재 금지");

        assertThat(page.article().outlet()).isEqualTo("한결일보");
        assertThat(page.article().paragraphs()).containsExactly("첫 문단이다.", "둘째 문단이다.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            textBlock = """
                    24일 착공식에서 참석자들이 첫 삽을 뜨고 있다. (사진=산골일보 제공)  | 24일 착공식에서 참석자들이 첫 삽을 뜨고 있다. | 산골일보
                    시민들이 광장을 걷고 있다. [사진 제공=두레시]                       | 시민들이 광장을 걷고 있다.                    | 두레시
                    선수들이 입장하고 있다. /사진=뉴스1                                 | 선수들이 입장하고 있다.                       | 뉴스1
                    항만 전경. /연합                                                     | 항만 전경.                                    | 연합
                    """)
    void photoCaptionsCarryTheirCreditInTheFormsOutletsPrint(String paragraph, String text, String credit) {
        assertThat(ArticleText.caption(paragraph)).isEqualTo(new Caption(text, credit));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            그는 "시간이 걸릴 것"(관계자 설명)이라고 했다.
            회의는 오후 3시에 열린다 (예정)
            결과는 다음과 같다 [표]
            """)
    void bracketsThatCreditNoPhotoAreNoCaption(String paragraph) {
        assertThat(ArticleText.caption(paragraph)).isNull();
    }

    static String articleAndListing(String form) throws IOException {
        return switch (form) {
            case "html" -> UnknownLayoutText.text(org.jsoup.Jsoup.parse(fixture("article-and-listing.html")));
            case "crlf" -> fixture("article-and-listing.txt").replace("\n", "\r\n");
            default -> fixture("article-and-listing.txt");
        };
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = PageParserTests.class.getResourceAsStream("/pages/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
