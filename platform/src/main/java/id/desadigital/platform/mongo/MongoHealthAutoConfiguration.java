package id.desadigital.platform.mongo;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/** Each service's {@code mongo} health component, answered the same way by real MongoDB and the embedded store. */
@AutoConfiguration(before = MongoReactiveHealthContributorAutoConfiguration.class,
        afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration")
@ConditionalOnClass(ReactiveMongoTemplate.class)
@ConditionalOnBean(ReactiveMongoTemplate.class)
public class MongoHealthAutoConfiguration {

    /** Named so that Boot's own {@code mongo} indicator backs off (its condition is on this bean name). */
    @Bean
    @ConditionalOnMissingBean(name = "mongoHealthIndicator")
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
