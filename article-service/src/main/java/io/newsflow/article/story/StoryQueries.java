package io.newsflow.article.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.read.NotFoundException;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Reads of the stories: newest first by (firstSeen, id) with keyset pagination, one story
 * with its articles, and the story of articles the article API shows.
 */
@Service
public class StoryQueries {

    /** The most articles one story's answer lists. */
    static final int ARTICLES_SHOWN = 200;

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("firstSeen"), Sort.Order.desc("_id"));

    private final MongoTemplate mongo;

    private final ReadModel articles;

    private final Duration queryTimeout;

    StoryQueries(MongoTemplate mongo, ReadModel articles, ProjectionProperties properties) {
        this.mongo = mongo;
        this.articles = articles;
        this.queryTimeout = properties.queryTimeout();
        IndexOperations indexes = mongo.indexOps(StoryGrouping.STORIES);
        indexes.createIndex(new Index().on("firstSeen", Sort.Direction.DESC).on("_id", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("articles", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("outlets", Sort.Direction.ASC)
            .on("firstSeen", Sort.Direction.DESC)
            .on("_id", Sort.Direction.DESC));
        indexes.createIndex(new Index().on("tokens", Sort.Direction.ASC));
    }

    StoryPage list(StorySearch search) {
        List<Criteria> all = new ArrayList<>();
        if (search.q() != null && !search.q().isBlank()) {
            List<String> tokens = KoreanTokens.of(search.q());
            if (tokens.isEmpty()) {
                return new StoryPage(List.of(), null);
            }
            all.add(Criteria.where("tokens").all(tokens));
        }
        if (search.outlet() != null) {
            all.add(Criteria.where("outlets").is(search.outlet()));
        }
        if (search.from() != null) {
            all.add(Criteria.where("firstSeen").gte(Date.from(search.from())));
        }
        if (search.to() != null) {
            all.add(Criteria.where("firstSeen").lte(Date.from(search.to())));
        }
        if (search.minArticles() > 1) {
            all.add(Criteria.where("size").gte(search.minArticles()));
        }
        if (search.cursor() != null) {
            Date firstSeen = Date.from(search.cursor().firstSeen());
            all.add(new Criteria().orOperator(Criteria.where("firstSeen").lt(firstSeen),
                    Criteria.where("firstSeen").is(firstSeen).and("_id").lt(search.cursor().id())));
        }
        Query query = (all.isEmpty() ? new Query() : Query.query(new Criteria().andOperator(all))).with(NEWEST_FIRST)
            .limit(search.limit() + 1)
            .maxTime(this.queryTimeout);
        query.fields().exclude("tokens", "articles");
        List<StorySummary> items = new ArrayList<>();
        this.mongo.find(query, Document.class, StoryGrouping.STORIES)
            .stream()
            .map(StorySummary::of)
            .forEach(items::add);
        String next = null;
        if (items.size() > search.limit()) {
            items = items.subList(0, search.limit());
            StorySummary last = items.get(items.size() - 1);
            next = new StoryCursor(last.firstSeen(), last.id()).encode();
        }
        return new StoryPage(List.copyOf(items), next);
    }

    StoryView byId(String id) {
        Document story = this.mongo.findById(id, Document.class, StoryGrouping.STORIES);
        if (story == null) {
            throw new NotFoundException("No story with id " + id);
        }
        List<String> ids = story.getList("articles", String.class, List.of());
        List<String> shown = ids.subList(0, Math.min(ids.size(), ARTICLES_SHOWN));
        Query query = Query.query(Criteria.where("_id").in(shown));
        query.fields().include("title", "url", "outlet", "publishedAt", "post", "acceptedAt");
        Map<String, StoryView.StoryArticle> found = new HashMap<>();
        Map<String, StoryView.Repost> reposts = new HashMap<>();
        for (Document article : this.mongo.find(query, Document.class, this.articles.collection())) {
            String articleId = article.getString("_id");
            found.put(articleId, new StoryView.StoryArticle(articleId, article.getString("title"),
                    article.getString("url"), article.getString("outlet"), instant(article.getDate("publishedAt"))));
            Document post = article.get("post", Document.class);
            if (post != null && article.getString("title") != null) {
                reposts.put(articleId,
                        new StoryView.Repost(post.getString("board"), post.get("number", Number.class).longValue(),
                                articleId, article.getString("title"), article.getString("url"),
                                instant(article.getDate("acceptedAt"))));
            }
        }
        List<StoryView.StoryArticle> articles = shown.stream()
            .map(found::get)
            .filter(article -> article != null && article.title() != null)
            .toList();
        List<StoryView.Repost> reposted = shown.stream()
            .map(reposts::get)
            .filter(Objects::nonNull)
            .sorted(Comparator.comparing(StoryView.Repost::seenAt, Comparator.nullsLast(Comparator.naturalOrder())))
            .toList();
        StorySummary summary = StorySummary.of(story);
        return new StoryView(summary.id(), summary.title(), summary.firstSeen(), summary.lastSeen(), summary.articles(),
                summary.outlets(), articles, reposted);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    /**
     * The story of each article that has one yet (grouping follows the writes by a
     * moment).
     */
    public Map<String, StoryOfArticle> ofArticles(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("articles").in(ids));
        query.fields().include("size", "outlets", "articles");
        Map<String, StoryOfArticle> stories = new HashMap<>();
        for (Document story : this.mongo.find(query, Document.class, StoryGrouping.STORIES)) {
            StoryOfArticle of = StoryOfArticle.of(story);
            story.getList("articles", String.class, List.of())
                .stream()
                .filter(ids::contains)
                .forEach(article -> stories.put(article, of));
        }
        return stories;
    }

}
