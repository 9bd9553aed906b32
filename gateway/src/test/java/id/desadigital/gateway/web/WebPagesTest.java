package id.desadigital.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import id.desadigital.gateway.support.GatewayTestBase;

/**
 * The web pages from the gateway, without a token: the right types, the Content-Security-Policy they are written
 * for, caching that shows a new release at once (webjars, whose paths carry a version, for a year), and /api/**
 * untouched by any of it.
 */
class WebPagesTest extends GatewayTestBase {

    static final String POLICY =
            "default-src 'self'; frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";
    static final List<String> PAGES = List.of("/sign-in.html", "/officer.html", "/village-head.html", "/auditor.html",
            "/admin.html", "/index.html", "/village.html");

    @Test
    void theRootIsThePublicPortal() {
        EntityExchangeResult<String> portal = web.get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Content-Security-Policy", POLICY)
                .expectBody(String.class).returnResult();

        assertThat(portal.getResponseBody()).contains("<html lang=\"id\">")
                .contains("<script type=\"module\" src=\"assets/pages/portal.js\"></script>");
    }

    @Test
    void everyPageIsHtmlUnderThePolicyAndRevalidatedOnEachUse() {
        for (String page : PAGES) {
            web.get().uri(page).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectHeader().valueEquals("Content-Security-Policy", POLICY)
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .expectHeader().exists(HttpHeaders.LAST_MODIFIED);
        }
    }

    @Test
    void assetsCarryTheirTypes() {
        expectType("/assets/app.css", "text/css");
        expectType("/assets/pages/sign-in.css", "text/css");
        expectType("/assets/js/i18n.js", "text/javascript");
        expectType("/assets/pages/portal.js", "text/javascript");
        expectType("/assets/img/emblem.svg", "image/svg+xml");
        expectType("/assets/fonts/plus-jakarta-sans-latin-wght-normal.woff2", "font/woff2");
    }

    @Test
    void anUnchangedFileIsNotSentAgain() {
        String lastModified = web.get().uri("/assets/app.css").exchange().expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst(HttpHeaders.LAST_MODIFIED);

        web.get().uri("/assets/app.css").header(HttpHeaders.IF_MODIFIED_SINCE, lastModified).exchange()
                .expectStatus().isNotModified();
    }

    @Test
    void theChartingLibraryComesFromItsWebjarAndIsKeptForAYear() {
        for (String file : List.of("/webjars/echarts/5.3.1/dist/echarts.min.js",
                "/webjars/echarts/5.3.1/dist/echarts.esm.min.js")) {
            web.get().uri(file).exchange()
                    .expectStatus().isOk()
                    .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
                    .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "max-age=31536000, public, immutable")
                    .expectHeader().valueEquals("Content-Security-Policy", POLICY);
        }
    }

    @Test
    void theSiteSettingsNameTheRegency() {
        web.get().uri("/site.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache")
                .expectBody()
                .jsonPath("$.regencyName").isEqualTo("Kabupaten Purbalingga")
                .jsonPath("$.regencyCode").isEqualTo("33.03");
    }

    @Test
    void theApiIsUntouched() {
        web.get().uri("/api/villages").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/public/realization?fiscalYear=2026&groupBy=district").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.service").isEqualTo("budget");
        web.get().uri("/api/no-such-thing.html").exchange()
                .expectStatus().isUnauthorized();
        web.get().uri("/no-such-page.html").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private void expectType(String path, String type) {
        web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType(type))
                .expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-cache");
    }
}
