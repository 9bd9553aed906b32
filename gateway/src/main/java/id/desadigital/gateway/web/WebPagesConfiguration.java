package id.desadigital.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.web.reactive.config.ResourceHandlerRegistry;
import org.springframework.web.reactive.config.WebFluxConfigurer;

/**
 * Webjars (the charting library) are kept by browsers for long: their paths carry the library's version, so a new
 * version is a new URL and nothing stale is ever served. The pages' own files keep Spring Boot's handler with the
 * caching of {@code spring.web.resources.cache} in application.yml (revalidated on every use, since their URLs carry
 * no version). Ordered first, so that Boot, finding {@code /webjars/**} registered, leaves it to this one.
 */
@Configuration(proxyBeanMethods = false)
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebPagesConfiguration implements WebFluxConfigurer {

    static final String WEBJARS = "/webjars/**";
    private static final String WEBJARS_LOCATION = "classpath:/META-INF/resources/webjars/";

    private final WebPageProperties properties;

    WebPagesConfiguration(WebPageProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(WEBJARS)
                .addResourceLocations(WEBJARS_LOCATION)
                .setCacheControl(CacheControl.maxAge(properties.webjarCache()).cachePublic().immutable());
    }
}
