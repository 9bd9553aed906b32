package id.desadigital.gateway.health;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import reactor.core.publisher.Mono;

/**
 * The gateway's own store (users, signing key) under the name {@code mongo}, replacing Boot's indicator of that
 * name. Boot's runs {@code hello} on every database, which the wire-protocol store of the no-Docker stack
 * (mongo-java-server) does not implement, so the gateway would call itself DOWN there; {@code ping} on the
 * gateway's own database is answered by every MongoDB server and that store alike.
 */
class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {

    private static final Document PING = new Document("ping", 1);

    private final ReactiveMongoTemplate mongo;

    MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return mongo.getMongoDatabase()
                .flatMap(database -> Mono.from(database.runCommand(PING))
                        .map(reply -> builder.up().withDetail("database", database.getName()).build()));
    }
}
