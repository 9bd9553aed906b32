package id.desadigital.village.apidocs;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What springdoc cannot see in the controllers, for the OpenAPI document at /v3/api-docs (the rest of it, info,
 * servers and the bearer scheme, is in application.yml and platform's desa-platform.yml).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    /**
     * The bearer token is required of every operation (desa-platform.yml) but those platform's service security
     * leaves open, {@code /api/public/**}; by path, as that rule is, so that a public endpoint added later is
     * described as public without an annotation of its own (budget-service does the same).
     */
    @Bean
    OpenApiCustomizer publicPathsNeedNoToken() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/public/")) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }
}
