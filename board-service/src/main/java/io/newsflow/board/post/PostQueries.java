package io.newsflow.board.post;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import io.newsflow.contracts.PostKey;
import io.newsflow.projection.ProjectionProperties;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import io.newsflow.projection.read.CachedSummary;
import io.newsflow.projection.read.NotFoundException;
import io.newsflow.projection.search.KoreanTokens;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOptions;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the board read model; tombstones of removed posts are never returned. */
@Service
class PostQueries {

    private static final Sort NEWEST_NUMBER_FIRST = Sort.by(Sort.Order.desc("number"));

    /** What a stored post holds for searching only: no read shows it. */
    static final List<String> SEARCH_FIELDS = List.of("tokens");

    private final MongoTemplate mongo;

    private final ReadModel model;

    private final Duration queryTimeout;

    private final CachedSummary<List<BoardSummary>> boards;

    PostQueries(MongoTemplate mongo, ReadModel readModel, ProjectionProperties properties, Clock clock) {
        this.mongo = mongo;
        this.model = readModel;
        this.queryTimeout = properties.queryTimeout();
        this.boards = new CachedSummary<>(this::summariseBoards, properties.summaryMaxAge(), clock);
    }

    PostView byKey(PostKey key) {
        return PostView.of(this.model.get(key.toString(), SEARCH_FIELDS,
                () -> "No post " + key.number() + " on board " + key.board()));
    }

    /**
     * Every board with its post count, newest post number and the time of its latest
     * post, at most {@code summary-max-age} old.
     */
    List<BoardSummary> boards() {
        return this.boards.get();
    }

    private List<BoardSummary> summariseBoards() {
        Aggregation aggregation = Aggregation
            .newAggregation(Aggregation.match(live()),
                    Aggregation.group("board")
                        .count()
                        .as("posts")
                        .max("number")
                        .as("newestNumber")
                        .max("postedAt")
                        .as("latestPostAt"),
                    Aggregation.sort(Sort.by("_id")))
            .withOptions(AggregationOptions.builder().maxTime(this.queryTimeout).build());
        return this.mongo.aggregate(aggregation, this.model.collection(), Document.class)
            .getMappedResults()
            .stream()
            .map(BoardSummary::of)
            .toList();
    }

    /** One page of a board, newest number first, as the board itself lists it. */
    PostPage list(PostSearch search) {
        List<Criteria> all = new ArrayList<>();
        all.add(live().and("board").is(search.board()));
        if (search.author() != null) {
            all.add(Criteria.where("author").is(search.author()));
        }
        if (search.from() != null) {
            all.add(Criteria.where("postedAt").gte(Date.from(search.from())));
        }
        if (search.to() != null) {
            all.add(Criteria.where("postedAt").lte(Date.from(search.to())));
        }
        if (search.q() != null) {
            List<String> tokens = KoreanTokens.of(search.q());
            if (tokens.isEmpty()) {
                if (!boardExists(search.board())) {
                    throw new NotFoundException("No board " + search.board());
                }
                return PostPage.of(List.of(), search, 0);
            }
            all.add(Criteria.where("tokens").all(tokens));
        }
        Query query = Query.query(new Criteria().andOperator(all)).maxTime(this.queryTimeout);
        long total = this.mongo.count(query, this.model.collection());
        if (total == 0 && !boardExists(search.board())) {
            throw new NotFoundException("No board " + search.board());
        }
        query.with(NEWEST_NUMBER_FIRST).skip((long) search.page() * search.size()).limit(search.size());
        query.fields().exclude("body").exclude(SEARCH_FIELDS.toArray(String[]::new));
        List<PostSummary> items = this.mongo.find(query, Document.class, this.model.collection())
            .stream()
            .map(PostSummary::of)
            .toList();
        return PostPage.of(items, search, total);
    }

    /** Whether the board holds a live post; asked only when a listing found none. */
    private boolean boardExists(String board) {
        Query any = Query.query(live().and("board").is(board)).limit(1).maxTime(this.queryTimeout);
        any.fields().include("_id");
        return this.mongo.findOne(any, Document.class, this.model.collection()) != null;
    }

    /**
     * Posts a reader may see: not removed, and listed (a body that came first is not a
     * post yet).
     */
    private static Criteria live() {
        return Criteria.where(ProjectionWriter.REMOVED).ne(true).and(ProjectionWriter.REVISION).gt(0);
    }

}
