package id.desadigital.gateway.support;

import java.util.UUID;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

/** An empty database of its own on the shared Mongo stand-in, for tests of what happens on a first start. */
public final class FreshDatabase {

    private static final MongoClient CLIENT = MongoClients.create(MongoStandIn.uri());

    private FreshDatabase() {
    }

    public static ReactiveMongoTemplate create() {
        return on("fresh-" + UUID.randomUUID());
    }

    public static ReactiveMongoTemplate on(String database) {
        return new ReactiveMongoTemplate(CLIENT, database);
    }
}
