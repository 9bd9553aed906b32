package id.desadigital.village.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * Every village-service endpoint as each kind of caller meets it, with the status API.md names: the registry is
 * public information every signed-in role reads; only an administrator imports it or changes a village's head or
 * status (a finance officer, a village head, an auditor: 403); nobody without a token gets anywhere. A refused write
 * changes nothing: the village and its history read the same after it, and a refused import registers nothing.
 * Works in regency 36.71.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessByRoleTest extends VillageServiceTest {

    static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,province_code,"
            + "province_name\n";
    static final String VILLAGE = "36.71.01.2001";
    static final String OTHER_VILLAGE = "36.71.01.2002";
    /** Where the writes that succeed go, so that {@link #VILLAGE} stays as the refused ones must leave it. */
    static final String WRITTEN_VILLAGE = "36.71.01.2003";
    /** Each import registers a village of its own, so that a refused one would show. */
    static final AtomicInteger NEXT_IMPORTED = new AtomicInteger(1);

    enum Who {
        ADMIN, FINANCE_OFFICER, HEAD_OF_THE_VILLAGE, HEAD_OF_ANOTHER_VILLAGE, AUDITOR, NO_TOKEN;

        String token() {
            return switch (this) {
                case ADMIN -> TestTokens.admin();
                case FINANCE_OFFICER -> TestTokens.financeOfficer();
                case HEAD_OF_THE_VILLAGE -> TestTokens.villageHead(VILLAGE);
                case HEAD_OF_ANOTHER_VILLAGE -> TestTokens.villageHead(OTHER_VILLAGE);
                case AUDITOR -> TestTokens.auditor();
                case NO_TOKEN -> null;
            };
        }
    }

    /**
     * One endpoint; {@code uri} and {@code body} get the village a call is about; statuses in the order of
     * {@link Who}.
     */
    record Endpoint(String name, HttpMethod method, Function<String, String> uri, Function<String, Object> body,
            MediaType contentType, int... statuses) {

        @Override
        public String toString() {
            return name;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("POST /api/villages/import", HttpMethod.POST, code -> "/api/villages/import",
                        code -> HEADER + code + ",Cikeusik,36.71.02,Cikeusik,36.71,Kota Tangerang,36,Banten\n",
                        CSV, 200, 403, 403, 403, 403, 401),
                new Endpoint("GET /api/villages", HttpMethod.GET, code -> "/api/villages?regencyCode=36.71", null,
                        null, 200, 200, 200, 200, 200, 401),
                new Endpoint("GET /api/villages/{code}", HttpMethod.GET, code -> "/api/villages/" + VILLAGE, null,
                        null, 200, 200, 200, 200, 200, 401),
                new Endpoint("GET /api/villages/{code}/history", HttpMethod.GET,
                        code -> "/api/villages/" + VILLAGE + "/history", null, null, 200, 200, 200, 200, 200, 401),
                new Endpoint("PUT /api/villages/{code}/head", HttpMethod.PUT, code -> "/api/villages/" + code + "/head",
                        code -> Map.of("name", "Ujang Sudrajat", "since", "2026-02-01"), MediaType.APPLICATION_JSON,
                        200, 403, 403, 403, 403, 401),
                new Endpoint("PUT /api/villages/{code}/status", HttpMethod.PUT,
                        code -> "/api/villages/" + code + "/status",
                        code -> Map.of("status", "INACTIVE", "reason", "pemekaran"), MediaType.APPLICATION_JSON,
                        200, 403, 403, 403, 403, 401),
                new Endpoint("GET /api/districts", HttpMethod.GET, code -> "/api/districts?regencyCode=36.71", null,
                        null, 200, 200, 200, 200, 200, 401));
    }

    static Stream<Arguments> everyEndpointAndCaller() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint, who, endpoint.statuses()[who.ordinal()]));
            }
        }
        return cases.stream();
    }

    @BeforeAll
    void registry() {
        importCsv(HEADER
                + VILLAGE + ",Sukajadi,36.71.01,Sumur,36.71,Kota Tangerang,36,Banten\n"
                + OTHER_VILLAGE + ",Tamanjaya,36.71.01,Sumur,36.71,Kota Tangerang,36,Banten\n"
                + WRITTEN_VILLAGE + ",Kertajaya,36.71.01,Sumur,36.71,Kota Tangerang,36,Banten\n")
                .expectStatus().isOk();
    }

    @ParameterizedTest(name = "{0} as {1} -> {2}")
    @MethodSource("everyEndpointAndCaller")
    void everyEndpointAnswersEachCallerAsTheContractSays(Endpoint endpoint, Who who, int status) {
        boolean write = endpoint.method() != HttpMethod.GET;
        boolean succeeds = status < 300;
        String code = endpoint.name().endsWith("import")
                ? String.format("36.71.02.2%03d", NEXT_IMPORTED.getAndIncrement())
                : succeeds ? WRITTEN_VILLAGE : VILLAGE;
        String before = write ? snapshot(code) : null;

        WebTestClient.RequestBodySpec request = http.method(endpoint.method()).uri(endpoint.uri().apply(code));
        if (who.token() != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + who.token());
        }
        if (endpoint.body() != null) {
            request.contentType(endpoint.contentType()).bodyValue(endpoint.body().apply(code));
        }
        WebTestClient.ResponseSpec response = request.exchange().expectStatus().isEqualTo(status);

        if (!succeeds) {
            response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(status);
        }
        if (write && !succeeds) {
            assertThat(snapshot(code)).isEqualTo(before);
        }
    }

    /** The village a write is about and its history as an auditor reads them (404 problems included). */
    private String snapshot(String code) {
        return read("/api/villages/" + code) + "\n" + read("/api/villages/" + code + "/history");
    }

    private String read(String uri) {
        var result = get(uri).exchange().expectBody().returnResult();
        return result.getStatus() + " " + new String(result.getResponseBody());
    }
}
