package id.desadigital.budget.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

    /** Named so that Boot's own {@code mongo} indicator backs off (its condition is on this bean name). */
    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
        return new MongoPingHealthIndicator(mongo);
    }
}
