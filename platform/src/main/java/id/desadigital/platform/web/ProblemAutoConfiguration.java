package id.desadigital.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

import tools.jackson.databind.ObjectMapper;

/** problem+json for every error a service can answer with. */
@AutoConfiguration
@Import(ProblemAdvice.class)
public class ProblemAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ProblemWriter problemWriter(ObjectMapper mapper) {
        return new ProblemWriter(mapper);
    }

    /** Before Boot's DefaultErrorWebExceptionHandler (order -1), which would answer plain JSON. */
    @Bean
    @Order(-2)
    LastResortExceptionHandler lastResortExceptionHandler(ProblemWriter problems) {
        return new LastResortExceptionHandler(problems);
    }
}
