package io.newsflow.article.story;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Works out the stories of changed articles. A story is a connected group of the graph
 * whose edges join reprints ({@link Member#isReprintOf}), found through the articles'
 * band keys, and its id is its earliest article's: a function of the live articles alone,
 * so the same articles give the same stories whatever the order their events came in, and
 * a rebuild gives what the live path holds. Regrouping an article also regroups every
 * article of the stories it was in, so a removal or an edit that takes an article away
 * splits a story again, and one that bridges two stories merges them.
 */
@Component
class StoryGrouping {

    static final String STORIES = "stories";

    /** A story stops growing at this many articles; docs/stories.md says why it may. */
    static final int LARGEST = 1_000;

    /** Candidates read per article, at most. */
    private static final int CANDIDATES = 2_000;

    private final MongoTemplate mongo;

    StoryGrouping(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Regroups the articles {@code ids} of the collection {@code articles}. */
    Regrouped regroup(Collection<String> ids, String articles) {
        Map<String, Document> before = new HashMap<>();
        Set<String> checked = new HashSet<>();
        Set<String> visited = new HashSet<>();
        List<List<Member>> groups = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>(ids);
        while (!pending.isEmpty()) {
            for (Document story : storiesHolding(pending, before.keySet())) {
                before.put(story.getString("_id"), story);
                story.getList("articles", String.class, List.of()).forEach(pending::add);
            }
            checked.addAll(pending);
            Set<String> found = new LinkedHashSet<>();
            for (Member member : members(pending, visited, articles)) {
                if (!visited.contains(member.id())) {
                    visited.add(member.id());
                    List<Member> group = group(member, visited, articles);
                    groups.add(group);
                    group.forEach(each -> found.add(each.id()));
                }
            }
            visited.addAll(pending);
            found.removeAll(checked);
            pending = found;
        }
        return write(groups, before, articles);
    }

    /**
     * The live articles of {@code ids} not visited yet, in the order of the ids, read at
     * once.
     */
    private List<Member> members(Set<String> ids, Set<String> visited, String articles) {
        List<String> wanted = ids.stream().filter(id -> !visited.contains(id)).toList();
        Map<String, Document> found = byId(wanted, articles, Member.FIELDS);
        return wanted.stream()
            .map(found::get)
            .filter(Objects::nonNull)
            .map(Member::of)
            .filter(Objects::nonNull)
            .toList();
    }

    /** The connected group of {@code start}, breadth first. */
    private List<Member> group(Member start, Set<String> visited, String articles) {
        List<Member> group = new ArrayList<>();
        Deque<Member> next = new ArrayDeque<>();
        next.add(start);
        while (!next.isEmpty() && group.size() < LARGEST) {
            Member member = next.poll();
            group.add(member);
            Set<String> reprints = new LinkedHashSet<>();
            for (Member candidate : candidates(member, articles)) {
                if (!visited.contains(candidate.id()) && member.isReprintOf(candidate)) {
                    visited.add(candidate.id());
                    reprints.add(candidate.id());
                }
            }
            // candidates are read without their bands: the reprints again, at once, with
            // them
            next.addAll(members(reprints, Set.of(), articles));
        }
        group.sort(Member.EARLIEST_FIRST);
        return group;
    }

    /**
     * The live articles that share a band with {@code member}, without their bands: most
     * are no reprint of it, and their bands were half of each answer's bytes.
     */
    private List<Member> candidates(Member member, String articles) {
        if (member.bands().isEmpty()) {
            return List.of();
        }
        // the window cuts the candidates as the rule does: bodies alike but far apart in
        // time are not reprints, and only the bands index is needed (the store filters
        // the rest)
        Query query = Query
            .query(Criteria.where(Fingerprint.BANDS_FIELD)
                .in(member.bands())
                .and("publishedAt")
                .gte(Date.from(member.publishedAt().minus(Member.WINDOW)))
                .lte(Date.from(member.publishedAt().plus(Member.WINDOW))))
            .limit(CANDIDATES);
        query.fields().include(Member.CANDIDATE_FIELDS);
        List<Member> candidates = new ArrayList<>();
        for (Document document : this.mongo.find(query, Document.class, articles)) {
            Member candidate = Member.of(document);
            if (candidate != null && !candidate.id().equals(member.id())) {
                candidates.add(candidate);
            }
        }
        return candidates;
    }

    private List<Document> storiesHolding(Set<String> ids, Set<String> known) {
        Query query = Query.query(Criteria.where("articles").in(ids).and("_id").nin(known));
        query.fields().include("articles");
        return this.mongo.find(query, Document.class, STORIES);
    }

    /**
     * Writes the groups as stories and drops the stories they replace; counts what
     * happened.
     */
    private Regrouped write(List<List<Member>> groups, Map<String, Document> before, String articles) {
        Map<String, String> storyBefore = new HashMap<>();
        before.forEach((id, story) -> story.getList("articles", String.class, List.of())
            .forEach(article -> storyBefore.put(article, id)));
        Set<String> kept = new HashSet<>();
        Map<String, Set<String>> splitInto = new HashMap<>();
        int created = 0;
        int merged = 0;
        List<Integer> sizes = new ArrayList<>();
        Map<String, Document> leads = byId(groups.stream().map(group -> group.get(0).id()).toList(), articles, "title",
                "url", "tokens");
        Map<String, Document> stored = byId(List.copyOf(leads.keySet()), STORIES);
        for (List<Member> group : groups) {
            // a lead removed since it was read leaves the title empty until its removal
            // is regrouped
            Document story = story(group, leads.getOrDefault(group.get(0).id(), new Document()));
            String id = story.getString("_id");
            kept.add(id);
            Set<String> from = new TreeSet<>();
            group.forEach(member -> {
                String previous = storyBefore.get(member.id());
                if (previous != null) {
                    from.add(previous);
                    splitInto.computeIfAbsent(previous, key -> new HashSet<>()).add(id);
                }
            });
            merged += from.size() > 1 ? 1 : 0;
            created += stored.containsKey(id) ? 0 : 1;
            if (!story.equals(stored.get(id))) {
                this.mongo.save(story, STORIES);
            }
            sizes.add(group.size());
        }
        Set<String> dropped = new HashSet<>(before.keySet());
        dropped.removeAll(kept);
        if (!dropped.isEmpty()) {
            this.mongo.remove(Query.query(Criteria.where("_id").in(dropped)), STORIES);
        }
        int split = (int) splitInto.values().stream().filter(into -> into.size() > 1).count();
        return new Regrouped(created, merged, split, sizes);
    }

    /**
     * The story document of a group, earliest article first: nothing in it depends on
     * when it was written.
     */
    private Document story(List<Member> group, Document leadArticle) {
        Member lead = group.get(0);
        Set<String> outlets = new TreeSet<>();
        group.forEach(member -> {
            if (member.outlet() != null) {
                outlets.add(member.outlet());
            }
        });
        return new Document("_id", lead.id()).append("title", leadArticle.getString("title"))
            .append("url", leadArticle.getString("url"))
            .append("outlet", lead.outlet())
            .append("firstSeen", Date.from(lead.publishedAt()))
            .append("lastSeen", Date.from(group.stream().map(Member::publishedAt).max(Instant::compareTo).get()))
            .append("size", group.size())
            .append("articles", group.stream().map(Member::id).toList())
            .append("outlets", List.copyOf(outlets))
            .append("tokens", leadArticle.getList("tokens", String.class, List.of()));
    }

    /**
     * The documents of {@code ids} in {@code collection}, read at once, with only
     * {@code fields} (all without).
     */
    private Map<String, Document> byId(List<String> ids, String collection, String... fields) {
        Map<String, Document> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Query query = Query.query(Criteria.where("_id").in(ids));
        if (fields.length > 0) {
            query.fields().include(fields);
        }
        this.mongo.find(query, Document.class, collection)
            .forEach(document -> found.put(document.getString("_id"), document));
        return found;
    }

    /**
     * What a regrouping did.
     *
     * @param created stories that did not exist before
     * @param merged stories formed of articles of two or more earlier stories
     * @param split earlier stories whose articles now form two or more
     * @param sizes the number of articles of every story written
     */
    record Regrouped(int created, int merged, int split, List<Integer> sizes) {
    }

}
