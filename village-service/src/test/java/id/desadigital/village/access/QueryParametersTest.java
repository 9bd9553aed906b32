package id.desadigital.village.access;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;

import id.desadigital.village.support.VillageServiceTest;

/**
 * Query and path parameters are data: {@code q} matches its text literally (ignoring case), never as a regular
 * expression; a parameter name carrying an operator is just an unknown parameter, ignored; area codes and village
 * codes of the wrong shape are a 400 naming the parameter. None of it is ever a 5xx. Works in regency 36.73.
 */
class QueryParametersTest extends VillageServiceTest {

    @BeforeEach
    void registry() {
        importCsv(AccessByRoleTest.HEADER
                + "36.73.01.2001,Sukamaju,36.73.01,Cisoka,36.73,Kota Serang,36,Banten\n"
                + "36.73.01.2002,Pasir Angin (Lama),36.73.01,Cisoka,36.73,Kota Serang,36,Banten\n"
                + "36.73.01.2003,Kp. Baru,36.73.01,Cisoka,36.73,Kota Serang,36,Banten\n")
                .expectStatus().isOk();
    }

    @ParameterizedTest(name = "q={0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        ".*; 0", "[a-z]+; 0", "^S; 0", "maju$; 0", "Suka|Pasir; 0", "{\"$regex\":\".*\"}; 0", "\\; 0",
        "(Lama); 1", "Kp.; 1", ".; 1", "MAJU; 1", "a; 3"})
    void qMatchesItsTextLiterallyIgnoringCase(String q, int total) {
        get("/api/villages?regencyCode=36.73&q={q}", q).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(total);
    }

    @Test
    void aParameterNameWithAnOperatorIsIgnored() {
        get("/api/villages?regencyCode=36.73&q[$ne]=x").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3);
        get("/api/villages?districtCode=36.73.01&regencyCode[$ne]=x").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.total").isEqualTo(3);
    }

    @ParameterizedTest(name = "{0} with {1} -> 400 naming {2}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
        "/api/villages?regencyCode={v}; .*; regencyCode",
        "/api/villages?regencyCode={v}; 36.0.; regencyCode",
        "/api/villages?regencyCode={v}; 36|03; regencyCode",
        "/api/villages?regencyCode={v}; {\"$ne\":null}; regencyCode",
        "/api/villages?districtCode={v}; 36.73.0.; districtCode",
        "/api/villages?districtCode={v}; 36.73.*; districtCode",
        "/api/villages?page={v}; x; page",
        "/api/districts?regencyCode={v}; ^36; regencyCode",
        "/api/villages/{v}; .*; code",
        "/api/villages/{v}; 36.73.01.200.; code",
        "/api/villages/{v}/history; 36.73.01.*; code"})
    void aMalformedCodeIs400NamingIt(String uri, String value, String field) {
        get(uri, value).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo(field);
    }
}
