package id.desadigital.village.importing;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import reactor.core.publisher.Mono;

/**
 * POST /api/villages/import: the Kemendagri area list as text/csv, streamed in one request, up to
 * {@code desa.import.max-file-size}.
 */
@RestController
public class ImportController {

    private final VillageImporter importer;

    public ImportController(VillageImporter importer) {
        this.importer = importer;
    }

    // The body is read as a stream from the request, which springdoc cannot see: the document names it here.
    @PostMapping(path = "/api/villages/import", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Import the Kemendagri area list (CSV); importing the same list again changes nothing",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "Header code,name,district_code,district_name,regency_code,regency_name,"
                            + "province_code,province_name, then one village a row (RFC 4180 quoting)",
                    content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    public Mono<ImportReport> importAreaList(ServerHttpRequest request, @AuthenticationPrincipal Jwt caller) {
        return importer.importCsv(request.getBody(), request.getHeaders().getContentLength(), caller.getSubject());
    }
}
