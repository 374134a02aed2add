package io.newsflow.article.article;

import io.newsflow.projection.NotFoundException;
import io.newsflow.projection.ProjectionWriter;
import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** Reads of the article read model; tombstones of removed articles are never returned. */
@Service
class ArticleQueries {

    private final MongoTemplate mongo;

    ArticleQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    ArticleView byId(String id) {
        Query query = Query.query(Criteria.where("_id").is(id).and(ProjectionWriter.REMOVED).ne(true));
        Document document = this.mongo.findOne(query, Document.class, ArticleProjectionConfig.COLLECTION);
        if (document == null) {
            throw new NotFoundException("No article with id " + id);
        }
        return ArticleView.of(document);
    }
}
