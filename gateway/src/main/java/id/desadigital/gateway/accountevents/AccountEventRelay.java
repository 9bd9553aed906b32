package id.desadigital.gateway.accountevents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.admin.NewTopic;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.account.AccountEvents;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes an account's latest event to {@code account-events} and then clears its pending marker with a
 * compare-and-set on the event's sequence. The event is stored before it is published, so a crash in between loses
 * nothing: the marker stays and {@link AccountEventSweeper} publishes it. Delivery is therefore at-least-once; the
 * services keep the highest sequence per username, so a repeat or an older event changes nothing.
 */
@Component
public class AccountEventRelay {

    /** The actor of events recorded for changes made before the gateway published account events. */
    static final String SYSTEM = "system";

    private static final Logger log = LoggerFactory.getLogger(AccountEventRelay.class);
    /** Matches any string: both stores answer it from the sparse index of pending accounts alone. */
    private static final String ANY = "^";

    private final ReactiveMongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final KafkaAdmin admin;
    private final AccountEventProperties properties;
    private final EventCodec codec = AccountEvents.codec();
    private final NewTopic topic;
    private final AtomicBoolean topicReady = new AtomicBoolean();

    public AccountEventRelay(ReactiveMongoTemplate mongo, KafkaTemplate<String, String> kafka, KafkaAdmin admin,
            AccountEventProperties properties) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.admin = admin;
        this.properties = properties;
        // Compacted: the last message per username is the account's whole state, which is all a service that
        // starts later needs; older ones may go.
        this.topic = TopicBuilder.name(properties.topic()).partitions(properties.partitions())
                .replicas(properties.replicas()).compact().build();
    }

    /**
     * What a request does right after storing an account change: publishes it, waiting at most
     * {@code publish-timeout}. Never fails, since the change is stored; whatever does not reach Kafka now the sweep
     * publishes. The relay runs on to its end even when the request stops waiting, so a slow broker still gets the
     * event as soon as it can take it.
     */
    public Mono<Void> publishAfterChange(String username) {
        Mono<Void> relay = publish(username)
                .doOnError(failure -> log.warn("The change of account '{}' is stored but not yet on {}; the sweep "
                        + "will publish it: {}", username, properties.topic(), failure.toString()))
                .onErrorResume(failure -> Mono.empty())
                .cache();
        relay.subscribe();
        return relay.timeout(properties.publishTimeout(), Mono.empty());
    }

    /** Publishes the account's latest event, as stored now; empty when the account has none. */
    Mono<Void> publish(String username) {
        return publish(username, 1);
    }

    private Mono<Void> publish(String username, int attempt) {
        return find(username).filter(AccountEventSource::hasEvent).flatMap(source -> publish(source, attempt));
    }

    /**
     * Sends the event, then clears the marker if the account still holds that event. If it moved on meanwhile,
     * another relay (a request racing this one, another gateway instance) may have sent the newer event before this
     * one reached the partition: the account's current event is sent again, so the last message for the username,
     * the one compaction keeps, is never older than the state stored.
     */
    Mono<Void> publish(AccountEventSource source, int attempt) {
        return send(source).then(markPublished(source)).flatMap(stillCurrent -> {
            if (stillCurrent) {
                return Mono.<Void>empty();
            }
            if (attempt >= properties.relayAttempts()) {
                log.warn("Account '{}' kept changing while its events were sent; its latest is left to its own relay "
                        + "and the sweep", source.username());
                return Mono.<Void>empty();
            }
            return publish(source.username(), attempt + 1);
        });
    }

    /**
     * Creates the topic and opens the producer's connection, so that the first account change after a start does not
     * pay for them (seconds on a busy machine, beyond {@code publish-timeout}).
     */
    Mono<Void> warmUp() {
        return ensureTopic()
                .then(Mono.fromRunnable(() -> kafka.partitionsFor(properties.topic()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    /** One round of the sweep: publishes accounts still marked pending; emits how many. */
    Mono<Long> sweep() {
        Query pending = query(where(AccountEventOutbox.PENDING).regex(ANY)).limit(properties.sweepBatch());
        pending.fields().include(AccountEventSource.FIELDS);
        return mongo.find(pending, AccountEventSource.class)
                .filter(AccountEventSource::hasEvent)
                .concatMap(source -> publish(source, 1).thenReturn(source))
                .count();
    }

    /**
     * How many accounts hold an event not yet on Kafka, counted up to {@code limit}: the count command on the
     * sparse index of pending accounts, which both stores answer from the index alone (countDocuments would be an
     * aggregation over every account on the embedded store).
     */
    Mono<Long> countPending(int limit) {
        Document count = new Document("count", mongo.getCollectionName(AccountEventSource.class))
                .append("query", where(AccountEventOutbox.PENDING).regex(ANY).getCriteriaObject())
                .append("limit", limit);
        return mongo.executeCommand(count).map(reply -> reply.get("n", Number.class).longValue());
    }

    /**
     * The accounts whose tokens a change ended before the gateway published account events get an event now, so
     * the services learn of them too; afterwards this finds nothing. Emits how many.
     */
    Mono<Long> recordEarlierChanges(Instant now) {
        Query unpublished = query(where("tokensValidFrom").ne(null).and(AccountEventOutbox.SEQUENCE).is(null));
        unpublished.fields().include(AccountEventSource.FIELDS);
        return mongo.find(unpublished, AccountEventSource.class)
                .concatMap(account -> mongo.updateFirst(
                        query(where("_id").is(account.username()).and(AccountEventOutbox.SEQUENCE).is(null)),
                        AccountEventOutbox.withEvent(new Update(), account.username(), SYSTEM, now),
                        AccountEventSource.class))
                .filter(result -> result.getModifiedCount() == 1)
                .count();
    }

    /**
     * The marker's compare-and-set filters on exactly the fields of a unique index, the form the embedded store
     * serves without reading every account; the sweep reads the sparse index of pending accounts.
     */
    Mono<Void> ensureIndexes() {
        var indexes = mongo.indexOps(AccountEventSource.class);
        return Mono.when(
                indexes.createIndex(new Index().on("_id", Sort.Direction.ASC)
                        .on(AccountEventOutbox.SEQUENCE, Sort.Direction.ASC).unique().named("account_event_sequence")),
                indexes.createIndex(new Index().on(AccountEventOutbox.PENDING, Sort.Direction.ASC).unique().sparse()
                        .named("account_event_pending")));
    }

    private Mono<AccountEventSource> find(String username) {
        Query account = query(where("_id").is(username));
        account.fields().include(AccountEventSource.FIELDS);
        return mongo.findOne(account, AccountEventSource.class);
    }

    private Mono<Void> send(AccountEventSource source) {
        // Off the event loop: the producer blocks its caller while it has no metadata (a broker away).
        return ensureTopic()
                .then(Mono.fromFuture(() -> kafka.send(properties.topic(), source.username(),
                        codec.encode(source.event()))).subscribeOn(Schedulers.boundedElastic()))
                .then();
    }

    private Mono<Boolean> markPublished(AccountEventSource source) {
        return mongo.updateFirst(
                        query(where("_id").is(source.username()).and(AccountEventOutbox.SEQUENCE).is(source.sequence())),
                        new Update().unset(AccountEventOutbox.PENDING), AccountEventSource.class)
                .map(result -> result.getMatchedCount() == 1);
    }

    /**
     * Creates the topic compacted before the first send, rather than at start-up (a broker away then would hold up
     * the gateway's start) and rather than leaving it to the broker, which would create it uncompacted. An existing
     * topic's settings are brought in line (spring.kafka.admin.modify-topic-configs).
     */
    private Mono<Void> ensureTopic() {
        if (topicReady.get()) {
            return Mono.empty();
        }
        return Mono.fromRunnable(() -> {
            admin.createOrModifyTopics(topic);
            admin.describeTopics(topic.name());
            topicReady.set(true);
        }).subscribeOn(Schedulers.boundedElastic()).then();
    }
}
