package id.desadigital.budget.apidocs;

import static id.desadigital.platform.testing.HttpChecks.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;

/**
 * The OpenAPI document integrators read (docs/api-reference.md): public, naming programs, allocations, spending and
 * the ledger, the bearer token every call needs and the Idempotency-Key of every write, while the API beside it
 * stays locked.
 */
@BudgetServiceTest
class ApiDocumentTest {

    private static final String SPEND = "$.paths['/api/budget/allocations/{allocationId}/spending'].post";

    @Autowired
    WebTestClient web;

    @Test
    void theDocumentNeedsNoTokenAndListsTheLedgerPaths() {
        web.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").isNotEmpty()
                .jsonPath("$.info.title").isEqualTo("desa-digital budget-service")
                .jsonPath("$.info.version").value(String.class,
                        version -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*"))
                .jsonPath("$.info.description").value(String.class, description -> assertThat(description)
                        .contains("whole rupiah", "application/problem+json", "Idempotency-Key"))
                .jsonPath("$.paths['/api/budget/programs'].post").exists()
                .jsonPath("$.paths['/api/budget/programs'].get.parameters[?(@.name == 'fiscalYear')]").exists()
                .jsonPath("$.paths['/api/budget/programs/{programId}/allocations'].post").exists()
                .jsonPath("$.paths['/api/budget/allocations'].get.parameters[?(@.name == 'programId')]").exists()
                .jsonPath("$.paths['/api/budget/spending/{id}/reversal'].post").exists()
                .jsonPath("$.paths['/api/budget/ledger'].get.parameters[?(@.name == 'villageCode')]").exists()
                .jsonPath("$.paths['/api/budget/ledger/verify'].get").exists()
                .jsonPath("$.components.securitySchemes['bearer-jwt'].type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").isEqualTo("bearer")
                .jsonPath("$.security[0]['bearer-jwt']").exists()
                .jsonPath("$.paths['/api/budget/ledger'].get.security").doesNotExist()
                .jsonPath("$.paths['/api/public/realization'].get.security").isEmpty()
                // A village's year for the public portal: no token, its year optional, its answer described.
                .jsonPath("$.paths['/api/public/villages/{code}/budget'].get.security").isEmpty()
                .jsonPath("$.paths['/api/public/villages/{code}/budget'].get.parameters[?(@.name == 'fiscalYear')]"
                        + ".required").value(required -> assertThat(required).asString().doesNotContain("true"))
                .jsonPath("$.paths['/api/public/villages/{code}/budget'].get.responses['200']"
                        + ".content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/PublicVillageBudget")
                .jsonPath("$.components.schemas.PublicVillageSpending.properties.status.enum").value(values ->
                        assertThat(values).asString().contains("RECORDED", "REVERSED"))
                .jsonPath("$.components.schemas.PublicVillageBudget.properties.rate").exists()
                // Relative: the origin the document was fetched from, the gateway for an integrator.
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    /** The call a village system makes: its body's fields, its answer and the key that makes a retry safe. */
    @Test
    void theSpendingCallNamesItsBodyItsAnswerAndTheIdempotencyKey() {
        web.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath(SPEND + ".description").value(String.class,
                        description -> assertThat(description).contains("Idempotency-Key", "409"))
                .jsonPath(SPEND + ".parameters[?(@.name == 'Idempotency-Key' && @.in == 'header')]").exists()
                .jsonPath(SPEND + ".requestBody.content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/NewSpending")
                .jsonPath(SPEND + ".responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/SpendingView")
                .jsonPath("$.components.schemas.NewSpending.required").value(required ->
                        assertThat(required).asString().contains("amount", "spentOn", "category", "description"))
                .jsonPath("$.components.schemas.NewSpending.properties.amount.type").isEqualTo("integer")
                .jsonPath("$.components.schemas.NewSpending.properties.category.enum").isNotEmpty()
                // Every write takes the key; a read does not.
                .jsonPath("$.paths['/api/budget/programs'].post.parameters[?(@.name == 'Idempotency-Key')]").exists()
                .jsonPath("$.paths['/api/budget/programs'].get.parameters[?(@.name == 'Idempotency-Key')]").isEmpty()
                // The officers' writes: what they answer, with the status they answer it with.
                .jsonPath("$.paths['/api/budget/programs'].post.responses['201'].content['application/json']"
                        + ".schema['$ref']").isEqualTo("#/components/schemas/ProgramView")
                .jsonPath("$.paths['/api/budget/programs/{programId}/allocations'].post.responses['201']"
                        + ".content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/AllocationView")
                // A JsonNode body is a plain object, not JsonNode's own getters.
                .jsonPath("$.components.schemas.JsonNode").doesNotExist();
    }

    @Test
    void onlyTheDocumentIsOpenTheApiStillNeedsAToken() {
        unauthorized(web.get().uri("/api/budget/programs").exchange());
        unauthorized(web.get().uri("/v3/api-docs.yaml").exchange());
        unauthorized(web.post().uri("/v3/api-docs").exchange());
    }
}
