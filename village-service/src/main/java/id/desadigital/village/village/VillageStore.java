package id.desadigital.village.village;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code villages} collection. Every write is a compare-and-set on {@code (_id, version)}: the filter's fields
 * are exactly a unique index's, so both real MongoDB and the embedded stand-in find the document by index, and a
 * concurrent writer that got there first makes the write match nothing instead of being overwritten.
 */
@Component
public class VillageStore {

    static final String CODE = "_id";
    static final String VERSION = "version";
    static final String CHANGES = "changes";
    public static final String UNPUBLISHED = "unpublished";
    static final String PUBLISHED_VERSION = "publishedVersion";
    /** Matches any string value. */
    private static final String ANY = "^";
    private static final String[] STATE_FIELDS = {"name", "type", "districtCode", "districtName", "regencyCode",
        "regencyName", "provinceCode", "provinceName", "status", "head", VERSION, PUBLISHED_VERSION, UNPUBLISHED};

    private final ReactiveMongoTemplate mongo;

    public VillageStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Idempotent; called at start-up so a fresh database is usable at once. */
    public Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(Village.class);
        return Mono.when(
                indexes.createIndex(new Index().on(CODE, Sort.Direction.ASC).on(VERSION, Sort.Direction.ASC)
                        .unique().named("code_version")),
                indexes.createIndex(new Index().on(UNPUBLISHED, Sort.Direction.ASC).unique().sparse()
                        .named("outbox_pending")));
    }

    /** The village with its whole history. */
    public Mono<Village> find(String code) {
        return mongo.findById(code, Village.class);
    }

    /** Villages without their history, for reading state. */
    public Flux<Village> findCurrent(Collection<String> codes) {
        Query query = query(where(CODE).in(codes));
        query.fields().exclude(CHANGES);
        return mongo.find(query, Village.class);
    }

    /** Villages with only their latest change, enough to tell who wrote them last. */
    public Flux<Village> findCurrentWithLastChange(Collection<String> codes) {
        Query query = query(where(CODE).in(codes));
        // Fields named explicitly: some stores (the embedded stand-in among them) treat a lone $slice as an
        // inclusion projection and would return nothing else.
        query.fields().include(STATE_FIELDS).slice(CHANGES, -1);
        return mongo.find(query, Village.class);
    }

    /** Villages with their whole history. */
    public Flux<Village> findAll(Collection<String> codes) {
        return codes.isEmpty() ? Flux.empty() : mongo.find(query(where(CODE).in(codes)), Village.class);
    }

    public Mono<Village> findCurrent(String code) {
        return findCurrent(List.of(code)).next();
    }

    /**
     * Applies {@code state} and appends {@code change} if the village is still at {@code expectedVersion}.
     * Emits false when another writer moved it on first.
     */
    public Mono<Boolean> apply(String code, long expectedVersion, Update state, VillageChange change) {
        return mongo.updateFirst(atVersion(code, expectedVersion), withChange(code, state, change), Village.class)
                .map(result -> result.getModifiedCount() == 1);
    }

    public Mono<Void> insertAll(List<Village> villages) {
        return villages.isEmpty() ? Mono.empty() : mongo.insertAll(villages).then();
    }

    /** One bulk command for many compare-and-set updates; emits how many matched. */
    public Mono<Integer> applyAll(List<VersionedUpdate> updates) {
        if (updates.isEmpty()) {
            return Mono.just(0);
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, Village.class);
        updates.forEach(update -> bulk.updateOne(atVersion(update.code(), update.expectedVersion()),
                withChange(update.code(), update.state(), update.change())));
        return bulk.execute().map(result -> result.getMatchedCount());
    }

    /** Records that every change up to {@code version} is on Kafka, unless a newer change arrived meanwhile. */
    public Mono<Void> markPublished(Collection<Village> published) {
        if (published.isEmpty()) {
            return Mono.empty();
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, Village.class);
        published.forEach(village -> bulk.updateOne(atVersion(village.code(), village.version()),
                new Update().set(PUBLISHED_VERSION, village.version()).unset(UNPUBLISHED)));
        return bulk.execute().then();
    }

    /** Villages with changes not yet on Kafka, with their history. */
    public Flux<Village> findUnpublished(int limit) {
        // A regular expression rather than $exists: both stores answer it from the sparse index alone.
        return mongo.find(query(where(UNPUBLISHED).regex(ANY)).limit(limit), Village.class);
    }

    public Flux<Village> search(VillageFilter filter, long offset, int limit) {
        Query query = filter.toQuery().with(Sort.by(CODE)).skip(offset).limit(limit);
        query.fields().exclude(CHANGES);
        return mongo.find(query, Village.class);
    }

    /**
     * The count command, not countDocuments: the embedded stand-in runs countDocuments' aggregation over every
     * document, but answers count from an index like a find, and an unfiltered count from its metadata.
     */
    public Mono<Long> count(VillageFilter filter) {
        var command = new Document("count", Village.COLLECTION)
                .append("query", filter.toQuery().getQueryObject());
        return mongo.executeCommand(command).map(reply -> reply.get("n", Number.class).longValue());
    }

    private static Query atVersion(String code, long version) {
        return query(where(CODE).is(code).and(VERSION).is(version));
    }

    private static Update withChange(String code, Update state, VillageChange change) {
        return state.set(VERSION, change.sequence()).push(CHANGES, change).set(UNPUBLISHED, code);
    }

    /** A compare-and-set update of one village, for {@link #applyAll}. */
    public record VersionedUpdate(String code, long expectedVersion, Update state, VillageChange change) {
    }

    /**
     * What a village list may be narrowed by. Area filters are prefixes of the code, matched on {@code _id} so that
     * an index serves them; {@code q} matches any part of the name, ignoring case.
     */
    public record VillageFilter(String regencyCode, String districtCode, String nameContains) {

        Query toQuery() {
            Criteria criteria = new Criteria();
            String area = districtCode != null ? districtCode : regencyCode;
            if (area != null) {
                criteria = criteria.and(CODE).regex("^" + literal(area + "."));
            }
            if (districtCode != null && regencyCode != null && !districtCode.startsWith(regencyCode + ".")) {
                criteria = criteria.and("regencyCode").is(regencyCode);
            }
            if (nameContains != null && !nameContains.isBlank()) {
                criteria = criteria.and("name").regex(literal(nameContains.strip()), "i");
            }
            return query(criteria);
        }

        /**
         * Escapes everything but letters, digits and spaces. Not Pattern.quote: its \Q..\E form keeps real MongoDB
         * from using the _id index for an anchored prefix.
         */
        static String literal(String text) {
            StringBuilder escaped = new StringBuilder(text.length() * 2);
            text.codePoints().forEach(c -> {
                if (!Character.isLetterOrDigit(c) && c != ' ') {
                    escaped.append('\\');
                }
                escaped.appendCodePoint(c);
            });
            return escaped.toString();
        }
    }
}
