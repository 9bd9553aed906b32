package id.desadigital.budget.report;

import static id.desadigital.budget.report.ReportFixtures.ADMIN;
import static id.desadigital.budget.report.ReportFixtures.AUDITOR;
import static id.desadigital.budget.report.ReportFixtures.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;

/**
 * The realization report by district, village, program and category, for officers and (by area) for the public,
 * with exact figures after allocations, spending and a reversal. Everything here is in fiscal year 2041 and
 * province 78, which no other test uses.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealizationReportTest {

    static final int YEAR = 2041;
    static final String A = "78.01.01.2001";
    static final String B = "78.01.01.2002";
    static final String C = "78.01.02.2001";
    static final String D = "78.02.01.2001";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    ReportFixtures reports;
    String internet;
    String training;

    @BeforeAll
    void ledger() {
        reports = new ReportFixtures(web, mongo);
        reports.village(A, "Alpha", "Kecamatan Satu", "Kabupaten Contoh", "Provinsi Uji");
        reports.village(B, "Beta", "Kecamatan Satu", "Kabupaten Contoh", "Provinsi Uji");
        reports.village(C, "Gamma", "Kecamatan Dua", "Kabupaten Contoh", "Provinsi Uji");
        reports.village(D, "Delta", "Kecamatan Tiga", "Kabupaten Lain", "Provinsi Uji");
        internet = reports.program(YEAR, "Internet Desa", "1.4.08", "DDS", 100_000_000);
        training = reports.program(YEAR, "Pelatihan SID", "1.4.09", "ADD", 100_000_000);

        String aInternet = reports.allocation(internet, A, 6_000_000);
        String bInternet = reports.allocation(internet, B, 4_000_000);
        String cInternet = reports.allocation(internet, C, 5_000_000);
        String aTraining = reports.allocation(training, A, 2_000_000);
        reports.allocation(training, D, 3_000_000);

        reports.spend(aInternet, A, 2_500_000, "HARDWARE", YEAR + "-03-02");
        reports.spend(aInternet, A, 500_000, "CONNECTIVITY", YEAR + "-07-15");
        reports.spend(bInternet, B, 1_000_000, "TRAINING", YEAR + "-06-30");
        reports.reverse(reports.spend(cInternet, C, 1_200_000, "HARDWARE", YEAR + "-04-01"));
        reports.spend(cInternet, C, 800_000, "WEBSITE", YEAR + "-05-01");
        reports.spend(aTraining, A, 1_500_000, "TRAINING", YEAR + "-08-01");
    }

    @Test
    void byDistrictSumsTheDistrictsVillagesWithTheirNames() {
        assertThat(rows("district", FINANCE)).extracting("key", "name", "allocated", "spent", "rate").containsExactly(
                tuple("78.01.01", "Kecamatan Satu", 12_000_000, 5_500_000, 0.4583),
                tuple("78.01.02", "Kecamatan Dua", 5_000_000, 800_000, 0.16),
                tuple("78.02.01", "Kecamatan Tiga", 3_000_000, 0, 0.0));
    }

    @Test
    void byVillage() {
        assertThat(rows("village", AUDITOR)).extracting("key", "name", "allocated", "spent", "rate").containsExactly(
                tuple(A, "Alpha", 8_000_000, 4_500_000, 0.5625),
                tuple(B, "Beta", 4_000_000, 1_000_000, 0.25),
                tuple(C, "Gamma", 5_000_000, 800_000, 0.16),
                tuple(D, "Delta", 3_000_000, 0, 0.0));
    }

    @Test
    void byProgramSortedByTheProgramId() {
        List<Map<String, Object>> rows = rows("program", FINANCE);

        assertThat(rows).extracting("key", "name", "allocated", "spent", "rate").containsExactlyInAnyOrder(
                tuple(internet, "Internet Desa", 15_000_000, 4_800_000, 0.32),
                tuple(training, "Pelatihan SID", 5_000_000, 1_500_000, 0.3));
        assertThat(rows).extracting(row -> (String) row.get("key")).isSorted();
    }

    @Test
    void byCategoryEveryCategoryCarriesTheWholeAllocationAndItsShareOfIt() {
        List<Map<String, Object>> rows = rows("category", AUDITOR);

        assertThat(rows).extracting("key", "allocated", "spent", "rate").containsExactly(
                tuple("CONNECTIVITY", 20_000_000, 500_000, 0.025),
                tuple("DATA", 20_000_000, 0, 0.0),
                tuple("HARDWARE", 20_000_000, 2_500_000, 0.125),
                tuple("OTHER", 20_000_000, 0, 0.0),
                tuple("SOFTWARE", 20_000_000, 0, 0.0),
                tuple("TRAINING", 20_000_000, 2_500_000, 0.125),
                tuple("WEBSITE", 20_000_000, 800_000, 0.04));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("name")).isNotNull());
        // The categories' spent add up to the whole, as the districts' do: the breakdown loses nothing.
        assertThat(rows.stream().mapToLong(row -> ((Number) row.get("spent")).longValue()).sum()).isEqualTo(6_300_000);
    }

    @Test
    void theRateIsAJsonNumberToFourDecimals() {
        String json = reports.get("/api/budget/reports/realization?fiscalYear=" + YEAR + "&groupBy=district", FINANCE)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).contains("\"rate\":0.4583").contains("\"rate\":0.1600").contains("\"allocated\":12000000");
    }

    @Test
    void anAreaNarrowsTheReport() {
        assertThat(rows("district&regencyCode=78.01", FINANCE)).extracting("key")
                .containsExactly("78.01.01", "78.01.02");
        assertThat(rows("village&provinceCode=78&districtCode=78.01.01", FINANCE)).extracting("key")
                .containsExactly(A, B);
        assertThat(rows("program&regencyCode=78.02", FINANCE)).extracting("key", "allocated")
                .containsExactly(tuple(training, 3_000_000));
        assertThat(rows("district&provinceCode=79", FINANCE)).isEmpty();
    }

    @Test
    void aYearWithoutAllocationsHasNoRows() {
        assertThat(rows("district", FINANCE, 2098)).isEmpty();
        assertThat(rows("category", FINANCE, 2098)).isEmpty();
    }

    @Test
    void thePublicSeesTheSameFiguresByAreaWithoutAToken() {
        for (String groupBy : List.of("district", "village", "district&regencyCode=78.01")) {
            List<Map<String, Object>> officers = rows(groupBy, FINANCE);
            List<Map<String, Object>> citizens = reports.rows("/api/public/realization?fiscalYear=" + YEAR
                    + "&groupBy=" + groupBy, null);

            assertThat(citizens).isEqualTo(officers);
            assertThat(citizens).allSatisfy(row ->
                    assertThat(row).containsOnlyKeys("key", "name", "allocated", "spent", "rate"));
        }
    }

    @Test
    void thePublicReportCarriesNoPersonalData() {
        String json = reports.get("/api/public/realization?fiscalYear=" + YEAR + "&groupBy=village", null)
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).doesNotContain(ReportFixtures.VENDOR, ReportFixtures.RECEIPT, ReportFixtures.DESCRIPTION,
                "actor", "finance", "kades");
    }

    @Test
    void thePublicGroupsByAreaOnly() {
        reports.invalid("/api/public/realization?fiscalYear=" + YEAR + "&groupBy=category", null, "groupBy");
        reports.invalid("/api/public/realization?fiscalYear=" + YEAR + "&groupBy=program", null, "groupBy");
    }

    @Test
    void onlyFinanceOfficersAndAuditorsReadTheReport() {
        String uri = "/api/budget/reports/realization?fiscalYear=" + YEAR + "&groupBy=district";
        reports.get(uri, ADMIN).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        reports.get(uri, ReportFixtures.head(A)).expectStatus().isForbidden();
        reports.get(uri, null).expectStatus().isUnauthorized();
        reports.get(uri, AUDITOR).expectStatus().isOk();
        reports.get(uri, FINANCE).expectStatus().isOk();
    }

    @Test
    void badParametersAre400sNamingThem() {
        String report = "/api/budget/reports/realization?";
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=foo", FINANCE, "groupBy");
        reports.invalid(report + "fiscalYear=" + YEAR, FINANCE, "groupBy");
        reports.invalid(report + "fiscalYear=abc&groupBy=district", FINANCE, "fiscalYear");
        reports.invalid(report + "fiscalYear=1999&groupBy=district", FINANCE, "fiscalYear");
        reports.invalid(report + "groupBy=district", FINANCE, "fiscalYear");
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=district&provinceCode=7", FINANCE, "provinceCode");
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=district&regencyCode=78.1", FINANCE, "regencyCode");
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=district&regencyCode=.*", FINANCE, "regencyCode");
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=district&provinceCode=78&regencyCode=79.01",
                FINANCE, "regencyCode");
        reports.invalid(report + "fiscalYear=" + YEAR + "&groupBy=village&districtCode=78.01.0x", FINANCE,
                "districtCode");
        reports.invalid("/api/public/realization?fiscalYear=abc&groupBy=district", null, "fiscalYear");
    }

    private List<Map<String, Object>> rows(String groupBy, String authorization) {
        return rows(groupBy, authorization, YEAR);
    }

    private List<Map<String, Object>> rows(String groupBy, String authorization, int year) {
        return reports.rows("/api/budget/reports/realization?fiscalYear=" + year + "&groupBy=" + groupBy,
                authorization);
    }
}
