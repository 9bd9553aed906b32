package id.desadigital.village.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import id.desadigital.contracts.EventEnvelope;
import id.desadigital.contracts.village.VillageEvents;
import id.desadigital.contracts.village.VillageRegistered;
import id.desadigital.contracts.village.VillageUpdated;
import id.desadigital.platform.testing.TestTokens;
import id.desadigital.village.support.VillageServiceTest;

/**
 * An administrator loads the area list of a regency, loads it again, then a corrected version, as the regency
 * office does each time Kemendagri publishes a decree. Works in regency 33.03 (Purbalingga).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VillageImportTest extends VillageServiceTest {

    static final String HEADER = "code,name,district_code,district_name,regency_code,regency_name,province_code,"
            + "province_name\n";
    static final String PURBALINGGA = HEADER
            + "33.03.01.2001,Kedungbenda,33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.01.2002,Bokol,33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.01.2003,Pelumutan,33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.01.2004,\"Majatengah, Lor\",33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.02.2001,Pasi Kuala Ba'u,33.03.02,Bukateja,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.02.1002,\"Lubuk Pakam I,II\",33.03.02,Bukateja,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.02.2003,Kutawis,33.03.02,Bukateja,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.02.2004,\"Karang \"\"Gedang\"\"\",33.03.02,Bukateja,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.03.2001,Kalikajar,33.03.03,Kejobong,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
            + "33.03.03.2002,Nangkod,33.03.03,Kejobong,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n";

    @Test
    @Order(1)
    void firstImportCreatesEveryGoodRowAndRejectsEachBadRowAloneWithItsLine() {
        String withBadRows = PURBALINGGA
                + "33.3.03.2003,Pangempon,33.03.03,Kejobong,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
                + "33.03.03.2004,Lamongan,33.03.03,Kejobong,33.03\n"
                + "33.03.03.2005,Sokanegara,33.03.09,Kejobong,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
                + "33.03.01.2001,Kedungbenda,33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n"
                + "33.03.03.2006,,33.03.03,Kejobong,33.03,Kabupaten Purbalingga,33,Jawa Tengah\n";

        ImportReport report = importCsv(withBadRows).expectStatus().isOk()
                .expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.created()).isEqualTo(10);
        assertThat(report.updated()).isZero();
        assertThat(report.unchanged()).isZero();
        assertThat(report.rejected()).extracting(ImportReport.Rejection::line).containsExactly(12, 13, 14, 15, 16);
        assertThat(report.rejected().get(0).reason()).contains("33.3.03.2003", "NN.NN.NN.NNNN");
        assertThat(report.rejected().get(1).reason()).contains("expected 8 fields, found 5");
        assertThat(report.rejected().get(2).reason()).contains("district_code '33.03.09'");
        assertThat(report.rejected().get(3).reason()).contains("already appears on line 2");
        assertThat(report.rejected().get(4).reason()).contains("name is empty");
    }

    @Test
    @Order(2)
    void importedVillagesAnswerWithTheirAreasAndType() {
        get("/api/villages/33.03.02.1002").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("Lubuk Pakam I,II")
                .jsonPath("$.type").isEqualTo("KELURAHAN")
                .jsonPath("$.districtCode").isEqualTo("33.03.02")
                .jsonPath("$.districtName").isEqualTo("Bukateja")
                .jsonPath("$.regencyName").isEqualTo("Kabupaten Purbalingga")
                .jsonPath("$.provinceCode").isEqualTo("33")
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.head").isEmpty()
                .jsonPath("$.budget").isArray();
        get("/api/villages/33.03.02.2001").exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Pasi Kuala Ba'u").jsonPath("$.type").isEqualTo("DESA");
        get("/api/villages/33.03.02.2004").exchange()
                .expectBody().jsonPath("$.name").isEqualTo("Karang \"Gedang\"");
    }

    @Test
    @Order(3)
    void everyRegistrationReachesVillageEventsOnceWithItsSchema() {
        try (var consumer = villageEventsConsumer()) {
            List<ConsumerRecord<String, String>> records = eventsFor(consumer, "33.03.", 10);

            assertThat(records).hasSize(10);
            var codec = VillageEvents.codec();
            EventEnvelope<Object> first = records.stream().map(r -> codec.decode(r.value()))
                    .filter(e -> e.key().equals("33.03.01.2004")).findFirst().orElseThrow();
            assertThat(first.type()).isEqualTo("VillageRegistered");
            assertThat(first.actor()).isEqualTo("admin");
            assertThat(first.sequence()).isEqualTo(1);
            assertThat(first.payload()).isEqualTo(new VillageRegistered("33.03.01.2004", "Majatengah, Lor", "DESA",
                    "33.03.01", "Kemangkon", "33.03", "Kabupaten Purbalingga", "33", "Jawa Tengah", "ACTIVE"));
            assertThat(records).extracting(ConsumerRecord::key).doesNotHaveDuplicates();
        }
    }

    @Test
    @Order(4)
    void importingTheSameFileAgainChangesNothing() {
        ImportReport report = importCsv(PURBALINGGA).expectStatus().isOk()
                .expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report).isEqualTo(new ImportReport(0, 0, 10, List.of()));
        get("/api/villages/33.03.01.2001/history").exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(1);
    }

    @Test
    @Order(5)
    void aCorrectedNameIsAnUpdateWithItsOwnEvent() {
        String corrected = PURBALINGGA.replace("33.03.03.2002,Nangkod", "33.03.03.2002,Nangkod Wetan");

        ImportReport report = importCsv(corrected).expectStatus().isOk()
                .expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report).isEqualTo(new ImportReport(0, 1, 9, List.of()));
        get("/api/villages/33.03.03.2002/history").exchange()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].type").isEqualTo("VillageRegistered")
                .jsonPath("$[0].details.type").isEqualTo("DESA")
                .jsonPath("$[1].type").isEqualTo("VillageUpdated")
                .jsonPath("$[1].details.name").isEqualTo("Nangkod Wetan")
                .jsonPath("$[1].actor").isEqualTo("admin")
                .jsonPath("$[1].sequence").isEqualTo(2);
        try (var consumer = villageEventsConsumer()) {
            var updated = eventsFor(consumer, "33.03.03.2002", 2).stream()
                    .map(r -> VillageEvents.codec().decode(r.value()))
                    .filter(e -> e.type().equals("VillageUpdated")).toList();
            assertThat(updated).hasSize(1);
            assertThat(((VillageUpdated) updated.get(0).payload()).name()).isEqualTo("Nangkod Wetan");
        }
    }

    @Test
    @Order(6)
    void listsFilterByRegencyDistrictAndNameAndPage() {
        get("/api/villages?regencyCode=33.03&size=4&page=1").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(10)
                .jsonPath("$.page").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(4)
                .jsonPath("$.items.length()").isEqualTo(4)
                .jsonPath("$.items[0].code").isEqualTo("33.03.02.1002");
        get("/api/villages?districtCode=33.03.02").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(4);
        get("/api/villages?regencyCode=33.03&q=PAKAM").exchange()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].name").isEqualTo("Lubuk Pakam I,II");
        get("/api/villages?regencyCode=33.03&q=ba'u").exchange()
                .expectBody().jsonPath("$.items[0].code").isEqualTo("33.03.02.2001");
        get("/api/villages?regencyCode=33.03&q=.*").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
        get("/api/villages?regencyCode=34.01&districtCode=33.03.02").exchange()
                .expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    @Order(7)
    void districtsCountTheirVillages() {
        get("/api/districts?regencyCode=33.03").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].code").isEqualTo("33.03.01")
                .jsonPath("$[0].name").isEqualTo("Kemangkon")
                .jsonPath("$[0].villages").isEqualTo(4)
                .jsonPath("$[2].name").isEqualTo("Kejobong")
                .jsonPath("$[2].villages").isEqualTo(2);
    }

    @Test
    void badQueriesAnswerProblemsNotServerErrors() {
        get("/api/villages?size=501").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size")
                .jsonPath("$.status").isEqualTo(400).jsonPath("$.title").exists().jsonPath("$.type").exists();
        get("/api/villages?page=-1").exchange().expectStatus().isBadRequest();
        get("/api/villages?page=abc").exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        get("/api/villages?regencyCode=33").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("regencyCode");
        get("/api/villages/99.99.99.9999").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No village has code 99.99.99.9999");
        get("/api/villages/not-a-code/history").exchange().expectStatus().isBadRequest();
        get("/api/districts?regencyCode=x").exchange().expectStatus().isBadRequest();
        get("/api/nothing-here").exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFileWithoutTheRightHeaderIsRefusedWhole() {
        importCsv("kode,nama\n33.03.09.2001,X\n").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("header"));
        importCsv("").expectStatus().isBadRequest();
        get("/api/villages?districtCode=33.03.09").exchange().expectBody().jsonPath("$.total").isEqualTo(0);
    }

    @Test
    void onlyAnAdministratorImportsAndOnlyCsv() {
        http.post().uri("/api/villages/import").contentType(CSV).bodyValue(PURBALINGGA).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/villages/import").header("Authorization", "Bearer " + TestTokens.financeOfficer())
                .contentType(CSV).bodyValue(PURBALINGGA).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.post().uri("/api/villages/import").header("Authorization", "Bearer " + TestTokens.forged("admin", "ADMIN"))
                .contentType(CSV).bodyValue(PURBALINGGA).exchange()
                .expectStatus().isUnauthorized();
        http.post().uri("/api/villages/import").header("Authorization", "Bearer " + TestTokens.admin())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("code", "33.03.01.2001")).exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
