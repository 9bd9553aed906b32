package id.desadigital.village.importing;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

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

    @PostMapping(path = "/api/villages/import", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    public Mono<ImportReport> importAreaList(ServerHttpRequest request, @AuthenticationPrincipal Jwt caller) {
        return importer.importCsv(request.getBody(), request.getHeaders().getContentLength(), caller.getSubject());
    }
}
