package io.newsflow.article;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsflow.contracts.ArticleEvent;
import io.newsflow.contracts.ArticlePublished;
import io.newsflow.projection.Change;
import io.newsflow.projection.Projection;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A removal leaves the same tombstone whichever way the writer takes (a new document, or
 * an update of the stored one): the update clears the projection's content fields and its
 * field groups, so everything a change of the saved sample events writes must be one of
 * them: a field missing from the list would survive in a live tombstone and not in a
 * rebuilt one.
 */
class ArticleProjectionTests {

    private final ArticleProjection projection = new ArticleProjection(new SimpleMeterRegistry());

    @ParameterizedTest
    @ValueSource(strings = { "article-published.json" })
    void everyFieldAnEventWritesIsClearedByARemoval(String sample) throws IOException {
        assertThat(Projection.fieldsARemovalLeaves(this.projection, this.projection.change(read(sample)))).isEmpty();
    }

    @Test
    void theTokensAreThoseOfTheWholeTextInOrderAndTheHeadsAreThoseOfTitleAndSubtitles() throws IOException {
        ArticlePublished article = (ArticlePublished) read("article-published.json");
        List<String> head = new ArrayList<>(List.of(article.title()));
        head.addAll(article.subtitles());
        List<String> everything = new ArrayList<>(head);
        everything.addAll(article.paragraphs());
        article.captions().forEach(caption -> everything.add(caption.text()));

        Document fields = ((Change.Replace) this.projection.change(article)).fields();

        assertThat(fields.getList("headTokens", String.class)).isEqualTo(KoreanTokens.of(head));
        assertThat(fields.getList("tokens", String.class)).isEqualTo(KoreanTokens.of(everything));
    }

    private static ArticleEvent read(String sample) throws IOException {
        try (InputStream in = ArticleProjectionTests.class.getResourceAsStream("/samples/" + sample)) {
            return JsonMapper.builder().build().readValue(in, ArticleEvent.class);
        }
    }

}
