package id.desadigital.gateway.accountevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * With the broker away, an account change is still made and answered (after at most publish-timeout), the gateway
 * refuses the old tokens at once, and the event stays pending in the account for the sweep.
 */
@TestPropertySource(properties = {
        // Nothing listens there.
        "spring.kafka.bootstrap-servers=127.0.0.1:9",
        // A database of its own: the other contexts' sweeps would publish its pending event.
        "spring.mongodb.database=gateway-without-kafka",
        "desa.account-events.publish-timeout=1s",
        // Sends that cannot go give up soon, so the context closes without waiting for them.
        "spring.kafka.producer.properties.max.block.ms=1000",
        "spring.kafka.producer.properties.request.timeout.ms=1000",
        "spring.kafka.producer.properties.delivery.timeout.ms=2000",
        "spring.kafka.admin.operation-timeout=1s",
        "spring.kafka.admin.close-timeout=1s"})
class AccountEventsWithoutKafkaTest extends GatewayTestBase {

    @Autowired
    ReactiveMongoTemplate mongo;

    @Test
    void anAccountChangeIsMadeAndAnsweredAndItsEventWaitsForTheSweep() {
        String token = userToken("offline.auditor", "AUDITOR", null);

        long started = System.nanoTime();
        web.method(HttpMethod.PUT).uri("/api/auth/users/offline.auditor/status").headers(h -> h.setBearerAuth(
                        adminToken()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("enabled", false))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.enabled").isEqualTo(false);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));

        web.get().uri("/api/auth/me").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
        Document account = mongo.findOne(Query.query(Criteria.where("_id").is("offline.auditor")), Document.class,
                "users").block();
        assertThat(account.getString(AccountEventOutbox.PENDING)).isEqualTo("offline.auditor");
        assertThat(account.get(AccountEventOutbox.SEQUENCE, Number.class).longValue()).isEqualTo(1L);
    }
}
