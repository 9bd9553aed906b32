package id.desadigital.gateway.accountevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.nimbusds.jwt.SignedJWT;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.Topics;
import id.desadigital.contracts.account.AccountEvents;
import id.desadigital.contracts.account.AccountStateChanged;
import id.desadigital.gateway.support.GatewayTestBase;
import id.desadigital.gateway.support.KafkaStandIn;

/**
 * What the services hear of account changes: every change that ends tokens (a new password, disabling) and enabling
 * again are published to account-events as the account's whole token state, through the outbox in the account's
 * own document, so that a change is published even when the gateway died before it could.
 */
class AccountEventsTest extends GatewayTestBase {

    private static final Duration WITHIN = Duration.ofSeconds(15);

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    AccountEventRelay relay;

    @Autowired
    AccountEventSweeper sweeper;

    @Test
    void aNewPasswordDisablingAndEnablingEachPublishTheAccountsTokenState() throws ParseException {
        String before = userToken("events.auditor", "AUDITOR", null);
        String admin = adminToken();

        put("/api/auth/users/events.auditor/password", admin, Map.of("password", "second-password-1"));
        put("/api/auth/users/events.auditor/status", admin, Map.of("enabled", false));
        put("/api/auth/users/events.auditor/status", admin, Map.of("enabled", true));
        String after = signIn("events.auditor", "second-password-1");
        put("/api/auth/me/password", after, Map.of("currentPassword", "second-password-1",
                "newPassword", "third-password-1"));

        List<EventEnvelope<AccountStateChanged>> events = events("events.auditor", 4);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events).extracting(EventEnvelope::actor).containsExactly("admin", "admin", "admin",
                "events.auditor");
        assertThat(events).extracting(EventEnvelope::type).containsOnly(AccountEvents.ACCOUNT_STATE_CHANGED);
        assertThat(events).extracting(EventEnvelope::key).containsOnly("events.auditor");
        assertThat(events).extracting(EventEnvelope::eventId).doesNotHaveDuplicates();
        assertThat(events).extracting(event -> event.payload().enabled()).containsExactly(true, false, true, true);
        assertThat(events).extracting(event -> event.payload().username()).containsOnly("events.auditor");
        Instant issuedBefore = SignedJWT.parse(before).getJWTClaimsSet().getIssueTime().toInstant();
        Instant firstCutoff = events.get(0).payload().tokensValidFrom();
        assertThat(firstCutoff).isAfter(issuedBefore).isEqualTo(firstCutoff.truncatedTo(ChronoUnit.SECONDS));
        // Enabling keeps the cutoff of the disabling: tokens from before it stay refused.
        assertThat(events.get(2).payload().tokensValidFrom()).isEqualTo(events.get(1).payload().tokensValidFrom());
        assertThat(events.get(3).payload().tokensValidFrom()).isAfterOrEqualTo(events.get(2).payload()
                .tokensValidFrom());
        assertThat(pendingMarker("events.auditor")).isNull();
    }

    @Test
    void theTopicIsCompactedSoTheLastStatePerUsernameIsKept() throws Exception {
        userToken("events.compacted", "AUDITOR", null);
        put("/api/auth/users/events.compacted/status", adminToken(), Map.of("enabled", false));
        events("events.compacted", 1);

        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaStandIn.brokers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ACCOUNT_EVENTS);
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic)
                    .get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            assertThat(policy).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        }
    }

    @Test
    void aChangeStoredButNeverPublishedIsPublishedByTheSweep() {
        userToken("events.crashed", "AUDITOR", null);
        // As a gateway that died right after storing a disabling would leave it: changed, event pending.
        Instant at = Instant.parse("2026-05-04T10:00:05.300Z");
        mongo.updateFirst(byId("events.crashed"), AccountEventOutbox.withEvent(
                new Update().set("enabled", false).max("tokensValidFrom", Instant.parse("2026-05-04T10:00:06Z")),
                "events.crashed", "admin", at), "users").block();
        assertThat(pendingMarker("events.crashed")).isEqualTo("events.crashed");

        assertThat(sweeper.sweepOnce().block()).isGreaterThanOrEqualTo(1L);

        EventEnvelope<AccountStateChanged> event = events("events.crashed", 1).get(0);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.occurredAt()).isEqualTo(at);
        assertThat(event.payload()).isEqualTo(new AccountStateChanged("events.crashed", false,
                Instant.parse("2026-05-04T10:00:06Z")));
        assertThat(pendingMarker("events.crashed")).isNull();
    }

    @Test
    void accountsChangedBeforeAccountEventsExistedGetAnEventOnce() {
        // An account as the gateway stored a disabling before it published account events.
        mongo.insert(new Document("_id", "events.legacy").append("passwordHash", "$2a$04$not.a.real.hash")
                .append("role", "AUDITOR").append("createdAt", Date.from(Instant.parse("2026-01-01T00:00:00Z")))
                .append("createdBy", "admin").append("enabled", false)
                .append("tokensValidFrom", Date.from(Instant.parse("2026-01-02T03:04:05Z"))), "users").block();

        assertThat(relay.recordEarlierChanges(Instant.parse("2026-06-01T00:00:00Z")).block())
                .isGreaterThanOrEqualTo(1L);
        assertThat(relay.recordEarlierChanges(Instant.parse("2026-06-01T00:00:01Z")).block()).isZero();
        sweeper.sweepOnce().block();

        EventEnvelope<AccountStateChanged> event = events("events.legacy", 1).get(0);
        assertThat(event.actor()).isEqualTo(AccountEventRelay.SYSTEM);
        assertThat(event.sequence()).isEqualTo(1);
        assertThat(event.payload()).isEqualTo(new AccountStateChanged("events.legacy", false,
                Instant.parse("2026-01-02T03:04:05Z")));
    }

    @Test
    void aRelayThatLostTheRaceToANewerChangeSendsTheNewerStateLast() {
        userToken("events.raced", "AUDITOR", null);
        String admin = adminToken();
        put("/api/auth/users/events.raced/status", admin, Map.of("enabled", false));
        AccountEventSource disabled = mongo.findById("events.raced", AccountEventSource.class).block();
        put("/api/auth/users/events.raced/status", admin, Map.of("enabled", true));
        events("events.raced", 2);

        // The relay of the disabling, late: its message lands after the enabling's.
        relay.publish(disabled, 1).block();

        List<EventEnvelope<AccountStateChanged>> events = events("events.raced", 4);
        assertThat(events).extracting(EventEnvelope::sequence).containsExactly(1L, 2L, 1L, 2L);
        assertThat(events.get(events.size() - 1).payload().enabled()).isTrue();
    }

    private void put(String path, String token, Object body) {
        web.method(HttpMethod.PUT).uri(path).headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().is2xxSuccessful();
    }

    @SuppressWarnings("unchecked")
    private static List<EventEnvelope<AccountStateChanged>> events(String username, int expected) {
        List<ConsumerRecord<String, String>> records = KafkaStandIn.messages(Topics.ACCOUNT_EVENTS, username,
                expected, WITHIN);
        assertThat(records).as("messages for %s", username).hasSize(expected);
        return records.stream()
                .map(record -> (EventEnvelope<AccountStateChanged>) (EventEnvelope<?>) AccountEvents.codec()
                        .decode(record.value()))
                .toList();
    }

    private String pendingMarker(String username) {
        Document account = mongo.findOne(byId(username), Document.class, "users").block();
        return account == null ? null : account.getString(AccountEventOutbox.PENDING);
    }

    private static Query byId(String username) {
        return Query.query(Criteria.where("_id").is(username));
    }
}
