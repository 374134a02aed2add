package io.newsflow.ingest.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.newsflow.ingest.page.FeedPages.Feed;
import io.newsflow.ingest.page.FeedPages.FeedArticle;
import io.newsflow.ingest.page.FeedPages.FeedPost;
import io.newsflow.ingest.page.ScrapedPage.Caption;
import io.newsflow.ingest.page.ScrapedPage.ListingRow;
import io.newsflow.ingest.page.ScrapedPage.ScrapedArticle;
import io.newsflow.service.web.InvalidFieldException;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * RSS and Atom feeds of news outlets and boards (fixtures written for these tests), and
 * the XML attacks a feed endpoint meets.
 */
class FeedPagesTests {

    /**
     * A news outlet's RSS 2.0 in EUC-KR (declared in its XML declaration only, with a
     * CP949-only 똠): full text from {@code content:encoded} read like a post's content
     * (caption, ad and byline apart), a summary-only entry from its description, an entry
     * without a link skipped.
     */
    @Test
    void aNewsOutletsRssInEucKrBecomesArticles() throws IOException {
        String xml = PageCharsets.decodeXml(bytes("news-rss-euc-kr.xml"),
                MediaType.parseMediaType("application/rss+xml"));
        Feed feed = FeedPages.read(xml);

        assertThat(feed.type()).isEqualTo("rss");
        assertThat(feed.posts()).isEmpty();
        assertThat(feed.skipped()).isEqualTo(1);
        assertThat(feed.articles()).extracting(FeedArticle::url)
            .containsExactly("https://www.sangol.example/news/articleView.html?idxno=51002",
                    "https://www.sangol.example/news/articleView.html?idxno=50990");
        ScrapedArticle first = feed.articles().get(0).article();
        assertThat(first.title()).isEqualTo("똠양꿍 축제 첫날 3만 명 몰려");
        assertThat(first.paragraphs()).containsExactly("강변 둔치에서 열린 음식 축제 첫날 3만 명이 다녀갔다.",
                "군은 셔틀버스를 두 배로 늘리고 임시 주차장 두 곳을 더 열기로 했다.");
        assertThat(first.captions()).containsExactly(new Caption("축제장 입구에 늘어선 방문객들.", "산골일보"));
        assertThat(first.author()).isEqualTo("윤가을");
        assertThat(first.outlet()).isEqualTo("산골일보");
        assertThat(first.section()).isEqualTo("문화");
        assertThat(first.publishedAt()).isEqualTo("2024-09-03T00:12:00Z");
        ScrapedArticle second = feed.articles().get(1).article();
        assertThat(second.paragraphs()).containsExactly("읍내 공공도서관이 이번 주부터 평일 밤 10시까지 문을 연다. 시범 운영은 10월 말까지다.");
        assertThat(second.author()).isEqualTo("한여름");
    }

    /**
     * Atom: an HTML title made plain, every author named, plain-text content split at its
     * blank lines, the alternate link as the address.
     */
    @Test
    void anAtomFeedBecomesArticles() throws IOException {
        Feed feed = FeedPages.read(new String(bytes("news-atom.xml"), StandardCharsets.UTF_8));

        assertThat(feed.type()).isEqualTo("atom");
        FeedArticle entry = feed.articles().get(0);
        assertThat(entry.url()).isEqualTo("https://www.hangyeol.example/news/204518");
        assertThat(entry.article().title()).isEqualTo("폐교 고쳐 만든 청년 창업 공간 문 연다");
        assertThat(entry.article().author()).isEqualTo("한서윤, 박도윤");
        assertThat(entry.article().paragraphs()).containsExactly("학생이 없어 문을 닫은 산골 분교가 청년들의 창업 공간으로 다시 문을 연다.",
                "군은 옛 분교 건물을 고쳐 사무실 12곳을 마련했다고 3일 밝혔다.");
        assertThat(entry.article().publishedAt()).isEqualTo("2024-09-03T00:12:00Z");
    }

    /**
     * GNUBoard 5's {@code rss.php}: the links carry the engine's {@code wr_id}, so the
     * entries are the board's posts, numbered by it, with their text (none for an empty
     * description).
     */
    @Test
    void aBoardsFeedBecomesPostsNumberedByTheIdsInTheirLinks() throws IOException {
        Feed feed = FeedPages.read(new String(bytes("gnuboard5-rss.xml"), StandardCharsets.UTF_8));

        assertThat(feed.articles()).isEmpty();
        assertThat(feed.posts()).extracting(FeedPost::row)
            .containsExactly(new ListingRow(7731, "골목 벽화 새로 그립니다", null, "페인트통", "2024-11-05T05:32:10Z", null),
                    new ListingRow(7702, "화분 받침 나눔", null, "초록손", "2024-11-04T00:05:00Z", null));
        assertThat(feed.posts().get(0).body()).isEqualTo("이번 주말에 시장 뒷골목 담장 벽화를 새로 그립니다.\n\n붓과 앞치마는 준비해 두겠습니다.");
        assertThat(feed.posts().get(0).url())
            .isEqualTo("https://dure.example.kr/bbs/board.php?bo_table=free&wr_id=7731");
        assertThat(feed.posts().get(1).body()).isNull();
    }

    /** Rhymix names itself as the generator: its short links are posts' ids too. */
    @Test
    void aFeedWhoseGeneratorIsABoardEngineBecomesPosts() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8" ?>
                <rss version="2.0"><channel><title>동네 이야기</title><link>https://golmok.example.org/story</link>
                <generator>Rhymix</generator>
                <item><title>골목 벽화 새로 그립니다</title><link>https://golmok.example.org/7731</link>
                <description>붓을 들고 오세요.</description><category>동네 이야기</category>
                <pubDate>Tue, 05 Nov 2024 14:32:00 +0900</pubDate></item></channel></rss>""";
        Feed feed = FeedPages.read(xml);

        assertThat(feed.posts()).extracting(post -> post.row().number()).containsExactly(7731L);
        assertThat(feed.posts().get(0).row().category()).isNull();
    }

    /** Billion laughs: refused at its DOCTYPE, before a single entity is expanded. */
    @Test
    void entityExpansionIsRefusedAtTheDoctype() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">]>
                <rss version="2.0"><channel><title>t</title><item><title>&f;</title>
                <link>https://x.example/1</link><description>&f;</description></item></channel></rss>""";

        assertThatThrownBy(() -> FeedPages.read(bomb)).isInstanceOf(InvalidFieldException.class)
            .hasMessageContaining("DOCTYPE");
    }

    /** An external entity (a local file, an internal address) is never fetched. */
    @Test
    void externalEntitiesAreRefused() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>t</title><item><title>&secret;</title>
                <link>https://x.example/1</link><description>&secret;</description></item></channel></rss>""";

        assertThatThrownBy(() -> FeedPages.read(xxe)).isInstanceOf(InvalidFieldException.class)
            .hasMessageContaining("DOCTYPE");
    }

    @Test
    void xmlThatIsNotWellFormedIsABadRequestNamingWhere() {
        assertThatThrownBy(() -> FeedPages.read("<rss version=\"2.0\"><channel><title>t</channel>"))
            .isInstanceOf(InvalidFieldException.class)
            .hasMessageContaining("well-formed")
            .hasMessageContaining("line 1");
    }

    @Test
    void xmlThatIsNoFeedIsUnrecognised() {
        assertThatThrownBy(() -> FeedPages.read("<?xml version=\"1.0\"?><catalog><book>책</book></catalog>"))
            .isInstanceOf(UnrecognisedPageException.class)
            .hasMessageContaining("neither an RSS nor an Atom feed");
    }

    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = FeedPagesTests.class.getResourceAsStream("/pages/feeds/" + name)) {
            return in.readAllBytes();
        }
    }

}
