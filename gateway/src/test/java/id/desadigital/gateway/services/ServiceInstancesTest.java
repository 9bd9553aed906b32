package id.desadigital.gateway.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.http.HttpMethod;

import io.netty.handler.timeout.ReadTimeoutException;

/** Which instances the load balancer may choose, and which failed calls may be tried again on another one. */
class ServiceInstancesTest {

    private static final URI FIRST = URI.create("http://village-1:8081");
    private static final URI SECOND = URI.create("http://village-2:8081");

    private final SettableClock clock = new SettableClock();
    private final ServiceInstances instances = new ServiceInstances(new ServiceProperties(
            new ServiceProperties.Endpoint(List.of(FIRST, SECOND)),
            new ServiceProperties.Endpoint(List.of(URI.create("http://budget:8082"))),
            Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(2)), clock);

    @Test
    void eachServiceHasItsInstancesFromTheirUrls() {
        assertThat(urls(instances.all(ServiceInstances.VILLAGE_SERVICE))).containsExactly(FIRST, SECOND);
        assertThat(urls(instances.all(ServiceInstances.BUDGET_SERVICE)))
                .containsExactly(URI.create("http://budget:8082"));
        assertThat(instances.all(ServiceInstances.VILLAGE_SERVICE)).extracting(ServiceInstance::getServiceId)
                .containsOnly("village-service");
    }

    @Test
    void anInstanceThatCouldNotBeConnectedToIsLeftOutForAWhile() {
        instances.unreachable(SECOND);

        assertThat(urls(instances.available(ServiceInstances.VILLAGE_SERVICE))).containsExactly(FIRST);

        clock.now = clock.now.plusSeconds(10);
        assertThat(urls(instances.available(ServiceInstances.VILLAGE_SERVICE))).containsExactly(FIRST, SECOND);
    }

    @Test
    void whenEveryInstanceFailedLatelyTheOneThatFailedLongestAgoIsOffered() {
        instances.unreachable(FIRST);
        clock.now = clock.now.plusSeconds(3);
        instances.unreachable(SECOND);

        assertThat(urls(instances.available(ServiceInstances.VILLAGE_SERVICE))).containsExactly(FIRST);

        clock.now = clock.now.plusSeconds(1);
        instances.unreachable(FIRST);
        assertThat(urls(instances.available(ServiceInstances.VILLAGE_SERVICE))).containsExactly(SECOND);
    }

    @Test
    void aCallMayBeTriedAgainTwiceForEveryOtherInstanceAndOnceWithOnlyOne() {
        assertThat(instances.retries(ServiceInstances.VILLAGE_SERVICE)).isEqualTo(2);
        assertThat(instances.retries(ServiceInstances.BUDGET_SERVICE)).isEqualTo(1);
    }

    @Test
    void aServiceNeedsAnHttpUrlForEachInstance() {
        assertThatThrownBy(() -> new ServiceProperties.Endpoint(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ServiceProperties.Endpoint(List.of(URI.create("village-service:8081"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http(s)://host");
    }

    @Test
    void whatNeverLeftTheGatewayIsRetriedForEveryMethod() {
        for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE)) {
            assertThat(ConnectionFailures.retryable(method, new ConnectException("Connection refused"))).isTrue();
            assertThat(ConnectionFailures.retryable(method, new IOException(new UnknownHostException("village-2"))))
                    .isTrue();
        }
    }

    @Test
    void aConnectionLostBeforeTheAnswerIsRetriedOnlyForSafeMethodsAndATimeoutNever() {
        IOException lost = new IOException("Connection prematurely closed BEFORE response");

        assertThat(ConnectionFailures.retryable(HttpMethod.GET, lost)).isTrue();
        assertThat(ConnectionFailures.retryable(HttpMethod.HEAD, lost)).isTrue();
        assertThat(ConnectionFailures.retryable(HttpMethod.POST, lost)).isFalse();
        assertThat(ConnectionFailures.retryable(HttpMethod.PUT, lost)).isFalse();
        assertThat(ConnectionFailures.retryable(HttpMethod.GET, ReadTimeoutException.INSTANCE)).isFalse();
    }

    private static final class SettableClock extends Clock {
        Instant now = Instant.parse("2026-03-02T01:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static List<URI> urls(List<ServiceInstance> instances) {
        return instances.stream().map(ServiceInstance::getUri).toList();
    }
}
