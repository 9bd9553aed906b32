package id.desadigital.village.budget;

import static id.desadigital.village.budget.SampleBudgetEvents.allocated;
import static id.desadigital.village.budget.SampleBudgetEvents.encode;
import static id.desadigital.village.budget.SampleBudgetEvents.spent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.budget.FundsAllocated;
import id.desadigital.contracts.budget.SpendingRecorded;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.testing.MongoStandIn;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.VillageServiceApplication;
import id.desadigital.village.support.VillageServiceTest;
import id.desadigital.village.village.VillageView.BudgetLine;
import reactor.test.StepVerifier;

/**
 * Two instances of village-service in one consumer group of budget-events, as a scaled-out deployment runs them: the
 * shared test context and a second, whole application context on the same broker and store. While budget events are
 * being published, the second instance joins (the group rebalances and partitions move to it) and later leaves (they
 * move back); afterwards every village's figures are exactly the sum of its published events, each applied once.
 * Works in regency 63.01 (Kabupaten Tanah Laut).
 */
class ConsumerGroupRebalanceTest extends VillageServiceTest {

    private static final Duration PATIENCE = Duration.ofSeconds(45);
    private static final int FISCAL_YEAR = 2026;
    private static final List<String> VILLAGES = IntStream.rangeClosed(1, 12)
            .mapToObj(i -> String.format("63.01.%02d.2001", i)).toList();

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ReadModelFeed budgetFigures;

    @Autowired
    ReactiveMongoTemplate mongo;

    private final Map<String, Expected> expected = new ConcurrentHashMap<>();
    private final AtomicInteger published = new AtomicInteger();
    private final AtomicBoolean publishing = new AtomicBoolean(true);

    @Test
    void noBudgetEventIsLostOrAppliedTwiceWhileASecondInstanceJoinsAndLeavesTheGroup() throws Exception {
        assertThat(kafka.partitionsFor(Topics.BUDGET_EVENTS))
                .as("budget-events needs several partitions for a rebalance to move some").hasSizeGreaterThan(1);
        MessageListenerContainer first = activeContainer(budgetFigures);
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(this::publishUntilStopped);
        try {
            awaitPublished(published.get() + VILLAGES.size());

            try (ConfigurableApplicationContext secondInstance = startSecondInstance();
                    Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            broker.getBrokersAsString()))) {
                MessageListenerContainer second = activeContainer(secondInstance.getBean(ReadModelFeed.class));
                await().atMost(PATIENCE).until(() -> second.getAssignedPartitions().containsAll(partitions()));
                // Only the second instance holds partitions now, so the group's offsets move only once it has
                // stored a batch.
                long committed = committedOffsets(admin, second.getGroupId());
                await().atMost(PATIENCE).until(() -> committedOffsets(admin, second.getGroupId()) > committed);
            }

            await().atMost(PATIENCE).until(() -> first.getAssignedPartitions().containsAll(partitions()));
            awaitPublished(published.get() + VILLAGES.size());
        } finally {
            publishing.set(false);
            publisher.join();
        }

        await().atMost(PATIENCE).untilAsserted(() -> VILLAGES.forEach(code -> {
            Expected events = expected.get(code);
            StepVerifier.create(budgetFigures.collection()
                    .flatMap(collection -> mongo.findById(code, VillageBudget.class, collection)))
                    .assertNext(budget -> {
                        assertThat(budget.sequence()).as("last sequence applied to %s", code)
                                .isEqualTo(events.sequence());
                        assertThat(budget.lastEventId()).isEqualTo(events.lastEventId());
                        assertThat(budget.lines()).as("figures of %s", code)
                                .containsExactly(new BudgetLine(FISCAL_YEAR, events.allocated(), events.spent()));
                    })
                    .verifyComplete();
        }));
    }

    /**
     * Round after round, one event per village, each sent once the broker acknowledged the one before: allocations on
     * odd sequences, spending on even ones, with amounts that differ per event so that a lost or doubled event shows.
     */
    private void publishUntilStopped() {
        for (long sequence = 1; publishing.get(); sequence++) {
            for (int v = 0; v < VILLAGES.size(); v++) {
                String code = VILLAGES.get(v);
                long amount = 1_000_000 + sequence * 1_000 + v;
                EventEnvelope<?> event = sequence % 2 == 1
                        ? allocated(code, sequence, FISCAL_YEAR, amount)
                        : spent(code, sequence, FISCAL_YEAR, amount);
                kafka.send(Topics.BUDGET_EVENTS, code, encode(event)).join();
                expected.merge(code, Expected.of(event), Expected::then);
                published.incrementAndGet();
            }
        }
    }

    /** The container feeding the figures that are read, once the feed has started it. */
    private static MessageListenerContainer activeContainer(ReadModelFeed feed) {
        long active = feed.status().block().active().generation();
        return await().atMost(PATIENCE).until(() -> feed.container(active), Optional::isPresent).orElseThrow();
    }

    private void awaitPublished(int count) {
        await().atMost(PATIENCE).until(() -> published.get() >= count);
    }

    /**
     * village-service again, in its own application context on the same broker and store, given what the test
     * context is given (as arguments: they outrank application.yml). Its consumers are named so that they sort
     * before the first instance's: the group's range assignor then gives it every partition, so its joining moves all
     * of them and its leaving moves them all back. Everything else is the service's own configuration and beans.
     */
    private ConfigurableApplicationContext startSecondInstance() {
        return new SpringApplicationBuilder(VillageServiceApplication.class)
                .main(VillageServiceApplication.class)
                .run("--server.port=0",
                        "--spring.mongodb.uri=" + MongoStandIn.uri(),
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--spring.kafka.consumer.client-id=a-second-village-service",
                        "--desa.security.public-key=" + TestTokens.publicKeyPem(),
                        "--desa.security.issuer=" + TestTokens.ISSUER,
                        "--desa.outbox.sweep-interval=1h");
    }

    private List<TopicPartition> partitions() {
        return kafka.partitionsFor(Topics.BUDGET_EVENTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
    }

    /** How far the group has committed on budget-events, over all partitions. */
    private static long committedOffsets(Admin admin, String groupId) throws Exception {
        return admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get().entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(Topics.BUDGET_EVENTS) && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset())
                .sum();
    }

    /** What a village's figures must come to: its last event, and the sums of its allocations and spending. */
    private record Expected(long sequence, String lastEventId, long allocated, long spent) {

        static Expected of(EventEnvelope<?> event) {
            return event.payload() instanceof SpendingRecorded spending
                    ? new Expected(event.sequence(), event.eventId(), 0, spending.amount())
                    : new Expected(event.sequence(), event.eventId(), ((FundsAllocated) event.payload()).amount(), 0);
        }

        Expected then(Expected next) {
            return new Expected(next.sequence, next.lastEventId, allocated + next.allocated, spent + next.spent);
        }
    }
}
