package id.desadigital.village.budget;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

import id.desadigital.contracts.Topics;
import id.desadigital.platform.kafka.MessagingProperties;
import id.desadigital.platform.observability.Traces;
import id.desadigital.platform.readmodel.ReadModel;
import id.desadigital.platform.readmodel.ReadModelFeed;
import id.desadigital.platform.readmodel.ReadModelFeeds;

/**
 * The village budget figures as a read model of {@code budget-events}: fed by consumer group {@code village-service}
 * into {@code village_budgets} until a rebuild replaces them with a generation of their own (docs/operations.md).
 */
@Configuration(proxyBeanMethods = false)
class BudgetFiguresReadModel {

    /** What operators call the figures: {@code ./replay.sh budget-figures}. */
    static final String NAME = "budget-figures";

    @Bean
    ReadModelFeed budgetFiguresFeed(ReadModelFeeds feeds, ReactiveMongoTemplate mongo, MessagingProperties messaging,
            Traces traces, @Value("${desa.kafka.consumer.concurrency}") int concurrency) {
        return feeds.feed(new ReadModel(NAME, Topics.BUDGET_EVENTS, VillageBudget.COLLECTION, concurrency,
                collection -> new BudgetEventListener(new BudgetProjection(mongo, collection), messaging, traces),
                collection -> BudgetProjection.createIndexes(mongo, collection)));
    }
}
