package io.newsflow.board.post;

import io.newsflow.contracts.PostKey;
import io.newsflow.projection.NotFoundException;
import io.newsflow.projection.ProjectionWriter;
import io.newsflow.projection.ReadModel;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the board read model; tombstones of removed posts are never returned. */
@Service
class PostQueries {

    private final MongoTemplate mongo;

    private final ReadModel model;

    PostQueries(MongoTemplate mongo, ReadModel postsReadModel) {
        this.mongo = mongo;
        this.model = postsReadModel;
    }

    PostView byKey(PostKey key) {
        Query query = Query.query(Criteria.where("_id").is(key.toString()).and(ProjectionWriter.REMOVED).ne(true));
        Document document = this.mongo.findOne(query, Document.class, this.model.collection());
        if (document == null) {
            throw new NotFoundException("No post " + key.number() + " on board " + key.board());
        }
        return PostView.of(document);
    }
}
