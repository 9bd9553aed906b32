package id.desadigital.platform.accountevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.account.AccountEvents;
import id.desadigital.contracts.account.AccountStateChanged;
import id.desadigital.platform.testing.HttpChecks;
import id.desadigital.platform.testing.StandInInfrastructure;
import id.desadigital.platform.testing.TestTokens;

/**
 * A service, as the platform configures it, against a real broker: once the gateway publishes that an account's
 * password changed or that it was disabled, the service refuses the tokens that ends (401), though they are
 * correctly signed and not expired; and a service that starts later knows it from the topic before it takes a
 * request.
 */
@SpringBootTest(classes = AccountRevocationTest.ServiceUnderTest.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
                "spring.application.name=revocation-test",
                "spring.mongodb.database=revocation-test",
                "management.endpoint.health.show-components=always",
                "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
                "desa.kafka.partitions=2",
                "logging.level.kafka=WARN",
                "logging.level.org.apache.kafka=WARN",
                "logging.level.state.change.logger=WARN"})
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountRevocationTest {

    /** The event travels through a real broker; a second is far more than it takes. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    /** A service with one endpoint that needs a signed-in user. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Probe.class)
    static class ServiceUnderTest {
    }

    @RestController
    static class Probe {

        @GetMapping("/api/probe")
        Map<String, String> probe(@AuthenticationPrincipal Jwt caller) {
            return Map.of("username", caller.getSubject());
        }
    }

    @Autowired
    EmbeddedKafkaBroker broker;

    @Autowired
    AccountStates states;

    @Autowired
    ConsumerFactory<?, ?> consumers;

    @Autowired
    AccountEventsProperties properties;

    private WebTestClient http;
    private KafkaProducer<String, String> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        StandInInfrastructure.register(registry);
    }

    @Value("${local.server.port}")
    void port(int port) {
        http = HttpChecks.connectionPerRequest(port);
    }

    @BeforeAll
    void producer() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    void closeProducer() {
        producer.close();
    }

    @Test
    void aTokenFromBeforeAPasswordChangeIsRefusedOnceTheChangeIsPublished() {
        Instant changed = now();
        String before = TestTokens.issuedAt("reset.user", "AUDITOR", null, changed.minusSeconds(60));
        String after = TestTokens.issuedAt("reset.user", "AUDITOR", null, changed);
        probe(before).expectStatus().isOk();

        publish("reset.user", 1, new AccountStateChanged("reset.user", true, changed));

        await().atMost(WITHIN).untilAsserted(() -> HttpChecks.unauthorized(probe(before)));
        probe(after).expectStatus().isOk().expectBody().jsonPath("$.username").isEqualTo("reset.user");
    }

    @Test
    void aDisabledAccountsTokensAreAllRefusedAndEnablingItAgainTakesOnlyNewerOnes() {
        Instant disabled = now();
        String before = TestTokens.issuedAt("gone.head", "VILLAGE_HEAD", "33.03.01.2001", disabled.minusSeconds(5));
        String later = TestTokens.issuedAt("gone.head", "VILLAGE_HEAD", "33.03.01.2001", disabled.plusSeconds(1));
        probe(before).expectStatus().isOk();

        publish("gone.head", 1, new AccountStateChanged("gone.head", false, disabled));
        await().atMost(WITHIN).untilAsserted(() -> HttpChecks.unauthorized(probe(before)));
        HttpChecks.unauthorized(probe(later));

        publish("gone.head", 2, new AccountStateChanged("gone.head", true, disabled));
        await().atMost(WITHIN).untilAsserted(() -> probe(later).expectStatus().isOk());
        HttpChecks.unauthorized(probe(before));
    }

    @Test
    void aLateOlderEventDoesNotBringRevokedTokensBack() {
        Instant disabled = now();
        String token = TestTokens.issuedAt("late.event", "FINANCE_OFFICER", null, disabled.minusSeconds(5));

        publish("late.event", 2, new AccountStateChanged("late.event", false, disabled));
        publish("late.event", 1, new AccountStateChanged("late.event", true, null));
        publish("marker.after.late", 1, new AccountStateChanged("marker.after.late", false, disabled));
        await().atMost(WITHIN).untilAsserted(() -> HttpChecks.unauthorized(probe(
                TestTokens.issuedAt("marker.after.late", "AUDITOR", null, disabled.minusSeconds(5)))));

        HttpChecks.unauthorized(probe(token));
    }

    @Test
    void aMessageThatBreaksTheContractIsSkippedAndLaterChangesStillApply() {
        Instant changed = now();
        String token = TestTokens.issuedAt("after.garbage", "AUDITOR", null, changed.minusSeconds(5));

        producer.send(new ProducerRecord<>(properties.topic(), "after.garbage", "{\"eventId\": \"not even finished"));
        producer.send(new ProducerRecord<>(properties.topic(), "someone.else", AccountEvents.codec().encode(
                envelope("after.garbage", 1, new AccountStateChanged("after.garbage", false, changed)))));
        publish("after.garbage", 1, new AccountStateChanged("after.garbage", true, changed));

        await().atMost(WITHIN).untilAsserted(() -> HttpChecks.unauthorized(probe(token)));
        probe(TestTokens.issuedAt("after.garbage", "AUDITOR", null, changed)).expectStatus().isOk();
    }

    @Test
    void aServiceThatStartsLaterKnowsEveryChangeBeforeItTakesARequest() {
        Instant changed = now();
        publish("known.before", 1, new AccountStateChanged("known.before", false, changed));
        await().atMost(WITHIN).until(() -> !states.accepts("known.before", changed.plusSeconds(1)));

        AccountStates restarted = new AccountStates(Duration.ofSeconds(1));
        AccountEventsReader reader = new AccountEventsReader(consumers.getConfigurationProperties(), restarted,
                properties, "restarted-" + UUID.randomUUID(), null);
        try {
            reader.start();

            assertThat(restarted.isCaughtUp()).isTrue();
            assertThat(restarted.accepts("known.before", changed.plusSeconds(1)))
                    .isFalse();
        } finally {
            reader.stop();
        }
    }

    @Test
    void theTopicIsDeclaredCompactedAndTheServiceReportsItsReadingInItsHealth() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT_EVENTS);
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.accountEvents.status").isEqualTo("UP");
    }

    private WebTestClient.ResponseSpec probe(String token) {
        return http.get().uri("/api/probe").headers(h -> h.setBearerAuth(token)).exchange();
    }

    private void publish(String username, long sequence, AccountStateChanged state) {
        try {
            producer.send(new ProducerRecord<>(properties.topic(), username,
                    AccountEvents.codec().encode(envelope(username, sequence, state)))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static EventEnvelope<AccountStateChanged> envelope(String username, long sequence,
            AccountStateChanged state) {
        return new EventEnvelope<>(UUID.randomUUID().toString(), AccountEvents.ACCOUNT_STATE_CHANGED, Instant.now(),
                "admin", username, sequence, state);
    }

    /** Whole seconds, as the gateway records a change and as a token's iat is. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }
}
