package id.desadigital.village.apidocs;

import static id.desadigital.platform.testing.HttpChecks.unauthorized;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import id.desadigital.village.support.VillageServiceTest;

/**
 * The OpenAPI document integrators read (docs/api-reference.md): public, naming the real paths and the bearer token
 * every call needs, while the API beside it stays locked.
 */
class ApiDocumentTest extends VillageServiceTest {

    @Test
    void theDocumentNeedsNoTokenAndListsTheImportAndTheLookups() {
        http.get().uri("/v3/api-docs")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").isNotEmpty()
                .jsonPath("$.info.title").isEqualTo("desa-digital village-service")
                .jsonPath("$.info.version").value(String.class,
                        version -> assertThat(version).matches("\\d+\\.\\d+\\.\\d+.*"))
                .jsonPath("$.info.description").value(String.class, description -> assertThat(description)
                        .contains("whole rupiah", "application/problem+json", "Idempotency-Key"))
                .jsonPath("$.paths['/api/villages/import'].post.requestBody.content['text/csv']").exists()
                .jsonPath("$.paths['/api/villages'].get.parameters[?(@.name == 'districtCode')]").exists()
                .jsonPath("$.paths['/api/villages/{code}'].get").exists()
                .jsonPath("$.paths['/api/villages/{code}/head'].put.requestBody").exists()
                .jsonPath("$.paths['/api/districts'].get").exists()
                .jsonPath("$.components.securitySchemes['bearer-jwt'].type").isEqualTo("http")
                .jsonPath("$.components.securitySchemes['bearer-jwt'].scheme").isEqualTo("bearer")
                .jsonPath("$.security[0]['bearer-jwt']").exists()
                .jsonPath("$.paths['/api/villages'].get.security").doesNotExist()
                // The registry for the public portal needs no token, and the document says so.
                .jsonPath("$.paths['/api/public/villages'].get.security").isEmpty()
                .jsonPath("$.paths['/api/public/villages'].get.parameters[?(@.name == 'q')]").exists()
                .jsonPath("$.paths['/api/public/villages/{code}'].get.security").isEmpty()
                // Relative: the origin the document was fetched from, the gateway for an integrator.
                .jsonPath("$.servers[0].url").isEqualTo("/");
    }

    @Test
    void onlyTheDocumentIsOpenTheApiStillNeedsAToken() {
        unauthorized(http.get().uri("/api/villages/33.03.01.2001").exchange());
        unauthorized(http.get().uri("/v3/api-docs.yaml").exchange());
        unauthorized(http.post().uri("/v3/api-docs").exchange());
    }
}
