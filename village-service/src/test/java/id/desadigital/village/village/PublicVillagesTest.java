package id.desadigital.village.village;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;

import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * The registry for the public portal: no token, the same search as the signed-in list, and nothing but registry
 * data (no head, no budget figures, no actor). Works in regency 61.71 (Kota Pontianak).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicVillagesTest extends VillageServiceTest {

    static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,province_code,"
            + "province_name\n";
    static final String DARAT_SEKIP = "61.71.01.1001";
    static final String SUNGAI_BANGKONG = "61.71.01.1002";
    static final String TANJUNG_HULU = "61.71.02.1001";
    static final String HEAD_NAME = "Hajjah Rahasia Lurah";
    /** The signed-in view's figures for one village: the public one must not carry them. */
    static final long ALLOCATED = 7_654_321;
    static final long SPENT = 1_234_567;
    static final List<String> PUBLIC_FIELDS = List.of("code", "name", "type", "districtCode", "districtName",
            "regencyCode", "regencyName", "provinceCode", "provinceName", "status");

    @Autowired
    ReactiveMongoTemplate mongo;

    @BeforeAll
    void registry() {
        importCsv(HEADER
                + DARAT_SEKIP + ",Darat Sekip,61.71.01,Pontianak Kota,61.71,Kota Pontianak,61,Kalimantan Barat\n"
                + SUNGAI_BANGKONG + ",Sungai Bangkong,61.71.01,Pontianak Kota,61.71,Kota Pontianak,61,"
                + "Kalimantan Barat\n"
                + TANJUNG_HULU + ",Tanjung Hulu,61.71.02,Pontianak Timur,61.71,Kota Pontianak,61,Kalimantan Barat\n")
                .expectStatus().isOk();
        http.put().uri("/api/villages/{code}/head", DARAT_SEKIP)
                .header("Authorization", "Bearer " + TestTokens.admin())
                .bodyValue(Map.of("name", HEAD_NAME, "since", "2025-02-03"))
                .exchange().expectStatus().isOk();
        // Figures as the budget-events feed leaves them, written directly: the feed has tests of its own.
        mongo.save(new Document("_id", DARAT_SEKIP).append("sequence", 2L).append("lastEventId", "test")
                .append("years", List.of(new Document("fiscalYear", 2026).append("allocated", ALLOCATED)
                        .append("spent", SPENT))), "village_budgets").block();
        // What the public view leaves out is there to leave out.
        get("/api/villages/{code}", DARAT_SEKIP).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.head.name").isEqualTo(HEAD_NAME)
                .jsonPath("$.budget[0].allocated").isEqualTo(ALLOCATED);
    }

    @Test
    void theSearchNeedsNoTokenAndPagesLikeTheSignedInList() {
        Map<String, Object> page = publicPage("/api/public/villages?regencyCode=61.71&size=2");

        assertThat(page).containsEntry("page", 0).containsEntry("size", 2).containsEntry("total", 3);
        assertThat(items(page)).extracting(item -> item.get("code")).containsExactly(DARAT_SEKIP, SUNGAI_BANGKONG);
        assertThat(items(publicPage("/api/public/villages?regencyCode=61.71&size=2&page=1")))
                .extracting(item -> item.get("code")).containsExactly(TANJUNG_HULU);
    }

    @Test
    void theFiltersAreTheSignedInLists() {
        for (String query : List.of("regencyCode=61.71", "districtCode=61.71.01", "regencyCode=61.71&q=SUNGAI",
                "districtCode=61.71.02&q=hulu", "regencyCode=61.71&q=.*", "regencyCode=61.71&size=1&page=2")) {
            Map<String, Object> signedIn = get("/api/villages?" + query).exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                    .returnResult().getResponseBody();
            Map<String, Object> open = publicPage("/api/public/villages?" + query);

            assertThat(open.get("total")).as(query).isEqualTo(signedIn.get("total"));
            assertThat(items(open)).as(query).extracting(item -> item.get("code"))
                    .isEqualTo(items(signedIn).stream().map(item -> item.get("code")).toList());
        }
    }

    @Test
    void aVillageIsItsRegistryDataOnly() {
        Map<String, Object> village = http.get().uri("/api/public/villages/{code}", DARAT_SEKIP).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(village).containsOnlyKeys(PUBLIC_FIELDS).containsAllEntriesOf(Map.of(
                "code", DARAT_SEKIP, "name", "Darat Sekip", "type", "KELURAHAN", "districtCode", "61.71.01",
                "districtName", "Pontianak Kota", "regencyCode", "61.71", "regencyName", "Kota Pontianak",
                "provinceCode", "61", "provinceName", "Kalimantan Barat", "status", "ACTIVE"));
        assertThat(items(publicPage("/api/public/villages?districtCode=61.71.01")))
                .allSatisfy(item -> assertThat(item).containsOnlyKeys(PUBLIC_FIELDS));
    }

    @Test
    void noHeadNoBudgetNoActorAnywhere() {
        for (String uri : List.of("/api/public/villages/" + DARAT_SEKIP, "/api/public/villages?regencyCode=61.71",
                "/api/public/villages?q=Darat")) {
            String json = http.get().uri(uri).exchange().expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody();

            assertThat(json).as(uri).contains(DARAT_SEKIP).doesNotContain(HEAD_NAME, "Rahasia", "head", "budget",
                    String.valueOf(ALLOCATED), String.valueOf(SPENT), "admin", "actor", "changes");
        }
    }

    @Test
    void anUnknownVillageIs404() {
        http.get().uri("/api/public/villages/61.71.09.1009").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @ParameterizedTest(name = "{0} with {1} -> 400 naming {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "/api/public/villages?regencyCode={v}; .*; regencyCode",
        "/api/public/villages?regencyCode={v}; 61.7; regencyCode",
        "/api/public/villages?districtCode={v}; 61.71.*; districtCode",
        "/api/public/villages?page={v}; -1; page",
        "/api/public/villages?page={v}; x; page",
        "/api/public/villages?size={v}; 501; size",
        "/api/public/villages?size={v}; 0; size",
        "/api/public/villages/{v}; .*; code",
        "/api/public/villages/{v}; 61.71.01.100; code"})
    void aMalformedParameterIs400NamingIt(String uri, String value, String field) {
        http.get().uri(uri, value).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }

    @Test
    void anOverlongQIs400NamingIt() {
        http.get().uri("/api/public/villages?q={q}", "a".repeat(101)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
    }

    /** A token is not needed, and a signed-in caller gets the same public data, not more. */
    @Test
    void aTokenChangesNothing() {
        String open = http.get().uri("/api/public/villages/{code}", DARAT_SEKIP).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        String withToken = get("/api/public/villages/{code}", DARAT_SEKIP).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(withToken).isEqualTo(open);
    }

    private Map<String, Object> publicPage(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }
}
