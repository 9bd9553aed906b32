package id.desadigital.village.importing;

import static id.desadigital.platform.testing.HttpChecks.chunked;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * The area list import accepts files up to {@code desa.import.max-file-size} (IMPORT_MAX_SIZE, 32 MB by default),
 * well past the national list's 7 MB, and answers a larger one with 413 problem+json before writing any of its rows,
 * whether its length was announced or it came chunked. The files here are padded with blank lines, which the import
 * skips, so that their size costs no store writes. Works in regency 36.76.
 */
class ImportSizeTest extends VillageServiceTest {

    private static final int LIMIT = 32 * 1024 * 1024;
    private static final int NATIONAL_LIST = 7_219_098;
    private static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,"
            + "province_code,province_name\n";

    @Test
    void aFileTheSizeOfTheNationalListIsImported() {
        String file = padded(row("36.76.01.2001", "Curug"), NATIONAL_LIST + 100_000);

        importCsv(file).expectStatus().isOk().expectBody()
                .jsonPath("$.created").isEqualTo(1)
                .jsonPath("$.rejected.length()").isEqualTo(0);
        importChunked(padded(row("36.76.01.2002", "Kadu"), NATIONAL_LIST + 100_000)).expectStatus().isOk()
                .expectBody().jsonPath("$.created").isEqualTo(1);
        get("/api/villages/36.76.01.2002").exchange().expectStatus().isOk();
    }

    @Test
    void aFilePastTheLimitWithContentLengthIs413AndImportsNothing() {
        tooLarge(keepAliveHttp().post().uri("/api/villages/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(CSV)
                .bodyValue(padded(row("36.76.02.2001", "Sukadamai"), LIMIT + 1))
                .exchange());
        get("/api/villages/36.76.02.2001").exchange().expectStatus().isNotFound();
    }

    @Test
    void aChunkedFilePastTheLimitIs413AndImportsNothing() {
        tooLarge(importChunked(padded(row("36.76.03.2001", "Sukabakti"), LIMIT + 1)));
        get("/api/villages/36.76.03.2001").exchange().expectStatus().isNotFound();
    }

    private static void tooLarge(WebTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(413)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("urn:desa-digital:problem:content-too-large")
                .jsonPath("$.detail").isEqualTo("The file is larger than the " + LIMIT + " bytes an import accepts");
    }

    private WebTestClient.ResponseSpec importChunked(String csv) {
        return keepAliveHttp().post().uri("/api/villages/import")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin())
                .contentType(CSV)
                .body(BodyInserters.fromDataBuffers(chunked(csv)))
                .exchange();
    }

    private static String row(String code, String name) {
        return code + "," + name + ",36.76." + code.substring(6, 8) + ",Curug,36.76,Kabupaten Serang,36,Banten\n";
    }

    /** The header, the row, then blank lines (each under the longest record accepted) up to {@code size} bytes. */
    private static String padded(String row, int size) {
        StringBuilder file = new StringBuilder(size).append(HEADER).append(row);
        String blank = " ".repeat(60_000) + "\n";
        while (file.length() + blank.length() <= size) {
            file.append(blank);
        }
        return file.append(" ".repeat(size - file.length())).toString();
    }
}
