package id.desadigital.gateway.web;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployment's settings the web pages show ({@code assets/js/site.js} reads them): which regency they serve.
 * Part of the web pages, readable without a token; it holds nothing that is not printed on every page anyway.
 */
@RestController
class SiteController {

    private final WebPageProperties properties;

    SiteController(WebPageProperties properties) {
        this.properties = properties;
    }

    @GetMapping(path = "/site.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Map<String, String>> site() {
        // Revalidated like the pages themselves, so a changed setting shows on the next page load.
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(Map.of("regencyName", properties.regencyName(), "regencyCode", properties.regencyCode()));
    }
}
