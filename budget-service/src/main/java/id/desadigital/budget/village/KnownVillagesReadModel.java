package id.desadigital.budget.village;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import id.desadigital.contracts.EventCodec;
import id.desadigital.contracts.Topics;
import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.readmodel.ReadModel;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.readmodel.ReadModelFeeds;

/**
 * The budget service's view of villages as a read model of {@code village-events}: fed by consumer group
 * {@code budget-service} into {@code known_villages} until a rebuild replaces it with a generation of its own
 * (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class KnownVillagesReadModel {

    /** What operators call the view: {@code ./replay.sh known-villages}. */
    static final String NAME = "known-villages";

    @Bean
    ReadModelFeed knownVillagesFeed(ReadModelFeeds feeds, ReactiveMongoTemplate mongo, EventCodec villageEventCodec,
            MessagingProperties messaging, Traces traces,
            @Value("${desa.kafka.consumer.concurrency}") int concurrency) {
        return feeds.feed(new ReadModel(NAME, Topics.VILLAGE_EVENTS, KnownVillage.COLLECTION, concurrency,
                collection -> new VillageEventListener(villageEventCodec, new VillageProjection(mongo, collection),
                        messaging, traces),
                collection -> VillageProjection.createIndexes(mongo, collection)));
    }
}
