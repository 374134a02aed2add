package io.newsflow.article;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.newsflow.article.story.Fingerprint;
import io.newsflow.article.story.StoryOfArticle;
import io.newsflow.article.story.StoryQueries;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.read.CachedSummary;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads of the article read model; tombstones of removed articles are never returned.
 * Listings are newest first with keyset pagination on (publishedAt, id), so articles
 * arriving between two pages cause neither duplicates nor gaps. A search returns the
 * articles whose title or sub-headlines hold every query token first (group 0), then
 * those that hold them in the body only (group 1).
 */
@Service
class ArticleQueries {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id"));

    /**
     * What a stored article holds for searching and story grouping only: no read shows
     * it, and it is most of the document's bytes.
     */
    static final List<String> SEARCH_FIELDS = List.of("tokens", "headTokens", Fingerprint.FIELD,
            Fingerprint.BANDS_FIELD);

    private final MongoTemplate mongo;

    private final ReadModel model;

    private final Duration queryTimeout;

    private final CachedSummary<List<OutletCount>> outlets;

    private final StoryQueries stories;

    ArticleQueries(MongoTemplate mongo, ReadModel readModel, ProjectionProperties properties, Clock clock,
            StoryQueries stories) {
        this.mongo = mongo;
        this.stories = stories;
        this.model = readModel;
        this.queryTimeout = properties.queryTimeout();
        this.outlets = new CachedSummary<>(this::countOutlets, properties.summaryMaxAge(), clock);
    }

    ArticleView byId(String id) {
        Document article = this.model.get(id, SEARCH_FIELDS, () -> "No article with id " + id);
        return ArticleView.of(article, this.stories.ofArticles(List.of(id)).get(id));
    }

    ArticlePage list(ArticleSearch search) {
        List<String> tokens = search.q() == null || search.q().isBlank() ? null : KoreanTokens.of(search.q());
        if (tokens != null && tokens.isEmpty()) {
            return new ArticlePage(List.of(), null);
        }
        int firstGroup = search.cursor() == null ? 0 : search.cursor().group();
        List<ArticleSummary> items = new ArrayList<>();
        Cursor next = null;
        for (int group = firstGroup; group <= (tokens == null ? 0 : 1) && next == null; group++) {
            Cursor after = group == firstGroup ? search.cursor() : null;
            int wanted = search.limit() - items.size();
            List<Document> found = find(search, tokens, group, after, wanted + 1);
            List<Document> shown = found.stream().limit(wanted).toList();
            Map<String, StoryOfArticle> stories = this.stories
                .ofArticles(shown.stream().map(document -> document.getString("_id")).toList());
            shown.forEach(document -> items.add(ArticleSummary.of(document, stories.get(document.getString("_id")))));
            if (found.size() > wanted) {
                ArticleSummary last = items.get(items.size() - 1);
                next = new Cursor(group, last.publishedAt(), last.id());
            }
        }
        return new ArticlePage(items, next == null ? null : next.encode());
    }

    private List<Document> find(ArticleSearch search, List<String> tokens, int group, Cursor after, int limit) {
        List<Criteria> all = new ArrayList<>();
        all.add(Criteria.where(ProjectionWriter.REMOVED).ne(true));
        if (search.outlet() != null) {
            all.add(Criteria.where("outlet").is(search.outlet()));
        }
        if (search.from() != null) {
            all.add(Criteria.where("publishedAt").gte(Date.from(search.from())));
        }
        if (search.to() != null) {
            all.add(Criteria.where("publishedAt").lte(Date.from(search.to())));
        }
        if (tokens != null) {
            all.add(Criteria.where("tokens").all(tokens));
            Criteria inHead = Criteria.where("headTokens").all(tokens);
            all.add(group == 0 ? inHead : new Criteria().norOperator(inHead));
        }
        if (after != null) {
            Date publishedAt = Date.from(after.publishedAt());
            all.add(new Criteria().orOperator(Criteria.where("publishedAt").lt(publishedAt),
                    Criteria.where("publishedAt").is(publishedAt).and("_id").lt(after.id())));
        }
        Query query = Query.query(new Criteria().andOperator(all))
            .with(NEWEST_FIRST)
            .limit(limit)
            .maxTime(this.queryTimeout);
        query.fields().exclude("paragraphs", "captions").exclude(SEARCH_FIELDS.toArray(String[]::new));
        return this.mongo.find(query, Document.class, this.model.collection());
    }

    /** Outlets with their article counts, at most {@code summary-max-age} old. */
    List<OutletCount> outlets() {
        return this.outlets.get();
    }

    private List<OutletCount> countOutlets() {
        Aggregation aggregation = Aggregation
            .newAggregation(Aggregation.match(Criteria.where(ProjectionWriter.REMOVED).ne(true).and("outlet").ne(null)),
                    Aggregation.group("outlet").count().as("articles"),
                    Aggregation.sort(Sort.by(Sort.Order.desc("articles"), Sort.Order.asc("_id"))))
            .withOptions(AggregationOptions.builder().maxTime(this.queryTimeout).build());
        return this.mongo.aggregate(aggregation, this.model.collection(), Document.class)
            .getMappedResults()
            .stream()
            .map(document -> new OutletCount(document.getString("_id"),
                    document.get("articles", Number.class).longValue()))
            .toList();
    }

    /** An outlet and how many stored articles it has. */
    record OutletCount(String outlet, long articles) {
    }

}
