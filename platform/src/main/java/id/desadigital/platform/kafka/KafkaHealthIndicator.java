package id.desadigital.platform.kafka;

import java.time.Duration;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;

import reactor.core.publisher.Mono;

/** A service is only healthy while it can reach its broker: events it cannot publish pile up in its outbox. */
public class KafkaHealthIndicator implements ReactiveHealthIndicator {

    private final AdminClient admin;
    private final Duration timeout;

    public KafkaHealthIndicator(AdminClient admin, Duration timeout) {
        this.admin = admin;
        this.timeout = timeout;
    }

    @Override
    public Mono<Health> health() {
        var options = new DescribeClusterOptions().timeoutMs((int) timeout.toMillis());
        return Mono.fromFuture(() -> admin.describeCluster(options).clusterId().toCompletionStage()
                        .toCompletableFuture())
                .map(clusterId -> Health.up().withDetail("clusterId", clusterId).build())
                .timeout(timeout.plusMillis(500))
                .onErrorResume(e -> Mono.just(Health.down().withDetail("error", e.getClass().getSimpleName())
                        .build()));
    }
}
