package id.desadigital.platform.readmodel;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

import id.desadigital.platform.scheduling.Periodic;
import id.desadigital.platform.web.ApiProblem;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Feeds one read model from its topic, and rebuilds it from the topic's start without a moment of wrong or missing
 * figures.
 *
 * <p>A read model lives in generations. Each generation has a collection of its own and a consumer group of its
 * own, so it reads the topic independently of every other. Reads are served from the <em>active</em> generation. A
 * rebuild creates the next generation: a new, empty collection and a new consumer group that starts at the topic's
 * first offset. Every instance of the service joins that group beside the active one, so the partitions of the
 * rebuild are shared among the instances like those of the live feed, and both generations take every new event
 * as it comes (each idempotent in its own collection, so an event is counted once in each). Once the new
 * generation's group has read, on every partition, at least as far as the active one's, one instance switches the
 * read model's state document to it with a compare-and-set; every instance then reads from the new collection and
 * stops feeding the old one. The old collection and group are kept (to compare, or to look into) until the next
 * rebuild begins, which deletes them.
 *
 * <p>Generation 0 is the collection and consumer group the service always had, so a deployment that never rebuilt
 * keeps its figures and its offsets. Nothing here needs a transaction: the only shared decision, which generation
 * is active and which is being built, is one document changed by compare-and-set on its {@code revision}.
 *
 * <p>Each instance reads that document every {@code poll-interval} and starts or stops its listener containers to
 * match it. Until it has read it once (the store may be away at start-up), a read waits for it.
 */
public final class ReadModelFeed implements ReadModelSource, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReadModelFeed.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private final ReadModel model;
    private final String groupPrefix;
    private final String clientIdPrefix;
    private final ReactiveMongoTemplate mongo;
    private final ReadModelStates states;
    private final ConsumerOffsets offsets;
    private final ConcurrentKafkaListenerContainerFactory<?, ?> containers;
    private final Duration pollInterval;
    private final Clock clock;

    private final Map<Long, ConcurrentMessageListenerContainer<?, ?>> running = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private volatile ReadModelState state;
    private volatile boolean started;
    private Disposable following;

    ReadModelFeed(ReadModel model, String groupPrefix, String clientIdPrefix, ReactiveMongoTemplate mongo,
            ConsumerOffsets offsets, ConcurrentKafkaListenerContainerFactory<?, ?> containers, Duration pollInterval,
            Clock clock) {
        this.model = model;
        this.groupPrefix = groupPrefix;
        this.clientIdPrefix = clientIdPrefix;
        this.mongo = mongo;
        this.states = new ReadModelStates(mongo);
        this.offsets = offsets;
        this.containers = containers;
        this.pollInterval = pollInterval;
        this.clock = clock;
    }

    public ReadModel model() {
        return model;
    }

    /** The collection reads are served from: the active generation's. */
    @Override
    public Mono<String> collection() {
        ReadModelState current = state;
        if (current != null) {
            return Mono.just(model.collection(current.active()));
        }
        return Mono.fromFuture(loaded, true).then(Mono.fromSupplier(() -> model.collection(state.active())));
    }

    /** The consumer group of a generation: generation 0's is the service's own, the one it always had. */
    public String consumerGroup(long generation) {
        return generation == 0 ? groupPrefix : groupPrefix + "." + model.name() + "." + generation;
    }

    /** The listener container feeding a generation on this instance, while it runs (for tests and diagnosis). */
    public Optional<MessageListenerContainer> container(long generation) {
        return Optional.ofNullable(running.get(generation));
    }

    /** The state as stored (not this instance's copy of it), with how far each generation has read. */
    public Mono<ReadModelStatus> status() {
        return states.load(model.name()).flatMap(this::statusOf).onErrorMap(ReadModelFeed::unanswered,
                this::unavailable);
    }

    /**
     * Begins a rebuild into the next generation. Refuses with a 409 while one is under way, and when the topic no
     * longer starts at its first event. Deletes what the last rebuild kept of the generation it replaced, first.
     * Answers at once; every instance (this one included) starts feeding the new generation at its next look at
     * the state.
     */
    public Mono<ReadModelStatus> rebuild(String actor) {
        return states.load(model.name()).flatMap(current -> {
            if (current.isRebuilding()) {
                return Mono.error(underWay(current));
            }
            ReadModelState next = current.rebuilding(actor, clock.instant());
            // The retired generation is neither read nor fed (it was replaced before this rebuild could be asked
            // for), so removing it before the claim is safe even if the claim then loses to another request.
            return wholeTopic()
                    .then(discard(current.retired()))
                    .then(states.compareAndSet(current, next))
                    .flatMap(claimed -> claimed ? statusOf(next) : states.load(model.name())
                            .flatMap(changed -> Mono.error(changed.isRebuilding() ? underWay(changed)
                                    : ApiProblem.conflict(model.name() + " changed while the rebuild was asked for; "
                                            + "ask again"))))
                    .doOnNext(status -> log.info("{}: {} asked for a rebuild; generation {} reads {} from its start",
                            model.name(), actor, next.building(), model.topic()));
        }).onErrorMap(ReadModelFeed::unanswered, this::unavailable);
    }

    @Override
    public synchronized void start() {
        started = true;
        following = Periodic.every(pollInterval, Duration.ZERO, "Following read model " + model.name(),
                this::follow);
    }

    @Override
    public synchronized void stop() {
        started = false;
        if (following != null) {
            following.dispose();
            following = null;
        }
        List.copyOf(running.keySet()).forEach(this::stopContainer);
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Whether the rebuilt generation may replace the active one: on every partition its group has committed at least
     * as far as the active one's had when asked (which is asked first). Everything the active generation had
     * applied by then, the rebuilt one has applied too, so reads do not go back at the switch (but for a batch the
     * active one stored and had not committed yet, which the rebuilt one applies a moment later, as a live feed
     * applies any new event).
     */
    static boolean caughtUp(Collection<TopicPartition> partitions, Map<TopicPartition, Long> active,
            Map<TopicPartition, Long> rebuilt) {
        return partitions.stream().allMatch(partition ->
                rebuilt.getOrDefault(partition, 0L) >= active.getOrDefault(partition, 0L));
    }

    /** One look at the state: follow it, and switch to the rebuilt generation once it has caught up. */
    private Mono<Void> follow() {
        return states.load(model.name())
                .flatMap(this::adopt)
                .flatMap(this::switchWhenCaughtUp);
    }

    /**
     * Serves reads from the state's active generation and runs a container for exactly the generations it names.
     * The active collection is set before the replaced generation's container stops, so no read meets a collection
     * that has stopped changing.
     */
    private Mono<ReadModelState> adopt(ReadModelState current) {
        ReadModelState previous = state;
        if (previous != null && previous.revision() > current.revision()) {
            return Mono.just(previous);
        }
        if (previous != null && previous.active() != current.active()) {
            log.info("{}: reads generation {} ({}) from now on", model.name(), current.active(),
                    model.collection(current.active()));
        }
        state = current;
        loaded.complete(null);
        Set<Long> wanted = new LinkedHashSet<>();
        wanted.add(current.active());
        if (current.isRebuilding()) {
            wanted.add(current.building());
        }
        return Flux.fromIterable(List.copyOf(running.keySet()))
                .filter(generation -> !wanted.contains(generation))
                .concatMap(generation -> onOwnThread(() -> stopContainer(generation)))
                .thenMany(Flux.fromIterable(wanted)
                        .filter(generation -> !running.containsKey(generation))
                        .concatMap(generation -> model.prepare().apply(model.collection(generation))
                                .then(onOwnThread(() -> startContainer(generation)))))
                .then(Mono.just(current));
    }

    private Mono<Void> switchWhenCaughtUp(ReadModelState current) {
        if (!current.isRebuilding()) {
            return Mono.empty();
        }
        return offsets.partitions(model.topic())
                .flatMap(partitions -> offsets.committed(consumerGroup(current.active()), partitions)
                        .zipWhen(active -> offsets.committed(consumerGroup(current.building()), partitions))
                        .filter(both -> caughtUp(partitions, both.getT1(), both.getT2())))
                .flatMap(both -> {
                    ReadModelState next = current.switched(clock.instant());
                    return states.compareAndSet(current, next)
                            .filter(switched -> switched)
                            .doOnNext(switched -> log.info("{}: generation {} has caught up with generation {}; "
                                    + "switched to it", model.name(), next.active(), current.active()))
                            .flatMap(switched -> adopt(next));
                })
                .then();
    }

    /**
     * Refuses a rebuild from a topic that no longer starts at its first event: the rebuilt generation would leave out
     * what retention or a deletion removed, and replace complete figures with incomplete ones.
     */
    private Mono<Void> wholeTopic() {
        return offsets.partitions(model.topic()).flatMap(offsets::starts).flatMap(starts -> {
            List<String> truncated = starts.entrySet().stream()
                    .filter(start -> start.getValue() > 0)
                    .sorted(Map.Entry.comparingByKey(Comparator.comparingInt(TopicPartition::partition)))
                    .map(start -> start.getKey() + " starts at offset " + start.getValue())
                    .toList();
            return truncated.isEmpty() ? Mono.empty() : Mono.error(ApiProblem.conflict(model.topic()
                    + " no longer holds its first events (" + String.join(", ", truncated) + "): retention or a "
                    + "deletion removed them, and a rebuild would leave them out of " + model.name()));
        });
    }

    /** Removes a generation nobody reads or feeds any more: its collection and its consumer group. */
    private Mono<Void> discard(Long generation) {
        if (generation == null) {
            return Mono.empty();
        }
        return mongo.dropCollection(model.collection(generation))
                .then(offsets.delete(consumerGroup(generation)))
                .doOnSuccess(done -> log.info("{}: removed retired generation {} ({}, consumer group {})",
                        model.name(), generation, model.collection(generation), consumerGroup(generation)));
    }

    private Mono<ReadModelStatus> statusOf(ReadModelState current) {
        return offsets.partitions(model.topic()).flatMap(partitions -> Mono.zip(
                offsets.ends(partitions),
                offsets.committed(consumerGroup(current.active()), partitions),
                current.isRebuilding() ? offsets.committed(consumerGroup(current.building()), partitions)
                        : Mono.just(Map.<TopicPartition, Long>of()))
                .map(found -> {
                    var active = new ReadModelStatus.Active(current.active(), model.collection(current.active()),
                            consumerGroup(current.active()), current.activeSince(),
                            ReadModelStatus.behind(partitions, found.getT1(), found.getT2()));
                    var rebuild = !current.isRebuilding() ? null : new ReadModelStatus.Rebuild(current.building(),
                            model.collection(current.building()), consumerGroup(current.building()),
                            current.requestedAt(), current.requestedBy(), ReadModelStatus.read(found.getT3()),
                            ReadModelStatus.behind(partitions, found.getT1(), found.getT3()));
                    var retired = current.retired() == null ? null : new ReadModelStatus.Retired(current.retired(),
                            model.collection(current.retired()), consumerGroup(current.retired()));
                    return new ReadModelStatus(model.name(), model.topic(), active, rebuild, retired);
                }));
    }

    /** The store or the broker failed or did not answer in time; a refusal already says what it is. */
    private static boolean unanswered(Throwable failure) {
        return !(failure instanceof ApiProblem);
    }

    private ApiProblem unavailable(Throwable failure) {
        log.warn("{}: cannot tell its state: {}", model.name(), failure.toString());
        ApiProblem problem = new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Unavailable",
                "The store or the broker did not answer about " + model.name() + "; ask again shortly");
        problem.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(RETRY_AFTER.toSeconds()));
        return problem;
    }

    private ApiProblem underWay(ReadModelState current) {
        return ApiProblem.conflict("A rebuild of " + model.name() + " into generation " + current.building()
                + " is under way since " + current.requestedAt() + "; its state shows how far it has read");
    }

    /** Starting and stopping a container waits for its consumer threads: never on a reactive thread. */
    private static Mono<Void> onOwnThread(Runnable blocking) {
        return Mono.fromRunnable(blocking).subscribeOn(Schedulers.boundedElastic()).then();
    }

    private synchronized void startContainer(long generation) {
        if (!started || running.containsKey(generation)) {
            return;
        }
        ConcurrentMessageListenerContainer<?, ?> container = containers.createContainer(model.topic());
        ContainerProperties properties = container.getContainerProperties();
        properties.setGroupId(consumerGroup(generation));
        // Consumers named by read model and generation (their metrics and the broker's logs tell them apart), after
        // the service's own client id when it sets one.
        properties.setClientId(clientIdPrefix + model.name() + "-" + generation);
        // A generation reads its topic from the start, whatever the service's consumer settings say.
        Properties fromTheStart = new Properties();
        fromTheStart.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.setKafkaConsumerProperties(fromTheStart);
        container.setBeanName(model.name() + "-" + generation);
        container.setConcurrency(model.concurrency());
        container.setupMessageListener(model.listener().apply(model.collection(generation)));
        container.start();
        running.put(generation, container);
        log.info("{}: feeding generation {} ({}) from {} as consumer group {}", model.name(), generation,
                model.collection(generation), model.topic(), consumerGroup(generation));
    }

    private synchronized void stopContainer(long generation) {
        ConcurrentMessageListenerContainer<?, ?> container = running.remove(generation);
        if (container != null) {
            container.stop();
            log.info("{}: stopped feeding generation {}", model.name(), generation);
        }
    }
}
