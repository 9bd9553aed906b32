package id.desadigital.budget.apidocs;

import java.util.List;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PostMapping;

import id.desadigital.budget.idempotency.Idempotency;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import tools.jackson.databind.JsonNode;

/**
 * What springdoc cannot see in the controllers, for the OpenAPI document at /v3/api-docs (the rest of it, info,
 * servers and the bearer scheme, is in application.yml).
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    static {
        // Bodies arrive as a JsonNode so that JsonRequest can name each bad field; springdoc would otherwise describe
        // JsonNode's own getters (isArray, isPojo...) as the request's fields. Each write names its body's schema or
        // shows an example with an annotation of its own.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class,
                new ObjectSchema().description("a JSON object; its fields are in API.md"));
    }

    /**
     * Every POST of this service writes to the ledger through {@link Idempotency}, which reads the header from the
     * request itself, so no handler declares it.
     */
    @Bean
    OperationCustomizer idempotencyKeyHeader() {
        return (operation, handler) -> {
            if (handler.hasMethodAnnotation(PostMapping.class)) {
                operation.addParametersItem(new HeaderParameter().name(Idempotency.HEADER).required(false)
                        .schema(new StringSchema().minLength(1))
                        .description("A key of the caller's choosing for this one write (a UUID, or the voucher "
                                + "number in the village's own books). The same key with the same body answers "
                                + "the first response again and writes nothing new; with another body it is a 422."));
            }
            return operation;
        };
    }

    /** The bearer token is required of every operation (application.yml) but those the security rules leave open. */
    @Bean
    OpenApiCustomizer publicPathsNeedNoToken() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/public/")) {
                item.readOperations().forEach(operation -> operation.setSecurity(List.of()));
            }
        });
    }
}
