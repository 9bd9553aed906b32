package id.desadigital.budget.report;

import static id.desadigital.budget.report.ReportFixtures.ADMIN;
import static id.desadigital.budget.report.ReportFixtures.AUDITOR;
import static id.desadigital.budget.report.ReportFixtures.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;

/**
 * A village's semester realization report (Laporan Realisasi Pelaksanaan APBDes style) as CSV: semester 1 takes the
 * receipts dated up to 30 June, semester 2 the whole year; a reversed spending counts in neither. Fiscal year 2043
 * and province 76 are this class's alone.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SemesterReportTest {

    static final int YEAR = 2043;
    static final String V = "76.01.01.2001";
    static final String W = "76.01.01.2002";

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    ReportFixtures reports;
    String internet;
    String website;

    @BeforeAll
    void ledger() {
        reports = new ReportFixtures(web, mongo);
        reports.village(V, "Sukasari", "Kecamatan Barat", "Kabupaten Uji", "Provinsi Contoh");
        reports.village(W, "Sukamulya", "Kecamatan Barat", "Kabupaten Uji", "Provinsi Contoh");
        internet = reports.program(YEAR, "Internet Desa", "1.4.08", "DDS", 50_000_000);
        website = reports.program(YEAR, "Situs Desa", "1.4.09", "ADD", 50_000_000);
        String vInternet = reports.allocation(internet, V, 6_000_000);
        String vWebsite = reports.allocation(website, V, 2_000_000);

        reports.spend(vInternet, V, 2_000_000, "HARDWARE", YEAR + "-03-02");
        reports.spend(vInternet, V, 500_000, "TRAINING", YEAR + "-06-30");
        reports.spend(vInternet, V, 1_000_000, "CONNECTIVITY", YEAR + "-07-01");
        reports.reverse(reports.spend(vInternet, V, 700_000, "HARDWARE", YEAR + "-05-05"));
        reports.spend(vWebsite, V, 1_500_000, "WEBSITE", YEAR + "-09-09");
    }

    @Test
    void semesterOneTakesTheReceiptsDatedUpToThirtiethOfJune() {
        String prefix = YEAR + ",1," + V + ",Sukasari,";

        assertThat(report(V, 1, FINANCE)).containsExactly(SemesterReport.HEADER,
                prefix + "PROGRAM,1.4.08," + internet + ",Internet Desa,DDS,,6000000,2500000,3500000,41.67\r\n",
                prefix + "CATEGORY,1.4.08," + internet + ",Internet Desa,DDS,HARDWARE,,2000000,,33.33\r\n",
                prefix + "CATEGORY,1.4.08," + internet + ",Internet Desa,DDS,TRAINING,,500000,,8.33\r\n",
                prefix + "PROGRAM,1.4.09," + website + ",Situs Desa,ADD,,2000000,0,2000000,0.00\r\n",
                prefix + "TOTAL,,,,,,8000000,2500000,5500000,31.25\r\n");
    }

    @Test
    void semesterTwoIsTheWholeYear() {
        String prefix = YEAR + ",2," + V + ",Sukasari,";

        assertThat(report(V, 2, ReportFixtures.head(V))).containsExactly(SemesterReport.HEADER,
                prefix + "PROGRAM,1.4.08," + internet + ",Internet Desa,DDS,,6000000,3500000,2500000,58.33\r\n",
                prefix + "CATEGORY,1.4.08," + internet + ",Internet Desa,DDS,CONNECTIVITY,,1000000,,16.67\r\n",
                prefix + "CATEGORY,1.4.08," + internet + ",Internet Desa,DDS,HARDWARE,,2000000,,33.33\r\n",
                prefix + "CATEGORY,1.4.08," + internet + ",Internet Desa,DDS,TRAINING,,500000,,8.33\r\n",
                prefix + "PROGRAM,1.4.09," + website + ",Situs Desa,ADD,,2000000,1500000,500000,75.00\r\n",
                prefix + "CATEGORY,1.4.09," + website + ",Situs Desa,ADD,WEBSITE,,1500000,,75.00\r\n",
                prefix + "TOTAL,,,,,,8000000,5000000,3000000,62.50\r\n");
    }

    @Test
    void semesterTwosTotalIsWhatTheAccountSaysWasSpent() {
        reports.get("/api/budget/villages/" + V + "/summary?fiscalYear=" + YEAR, FINANCE).expectStatus().isOk()
                .expectBody().jsonPath("$.spent").isEqualTo(5_000_000).jsonPath("$.allocated").isEqualTo(8_000_000);
    }

    @Test
    void aVillageWithoutAllocationsHasOnlyAZeroTotal() {
        assertThat(report(W, 1, AUDITOR)).containsExactly(SemesterReport.HEADER,
                YEAR + ",1," + W + ",Sukamulya,TOTAL,,,,,,0,0,0,\r\n");
    }

    @Test
    void itIsACsvDownload() {
        reports.get(uri(V, "fiscalYear=" + YEAR + "&semester=1"), AUDITOR).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectHeader().valueMatches(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"realisasi-" + V.replace(".", "\\.") + "-" + YEAR + "-semester-1\\.csv\"");
    }

    @Test
    void financeOfficersAuditorsAndTheVillagesOwnHeadOnly() {
        String query = "fiscalYear=" + YEAR + "&semester=2";
        reports.get(uri(V, query), ReportFixtures.head(V)).expectStatus().isOk();
        reports.get(uri(V, query), FINANCE).expectStatus().isOk();
        reports.get(uri(V, query), AUDITOR).expectStatus().isOk();
        reports.get(uri(V, query), ReportFixtures.head(W)).expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        reports.get(uri(V, query), ADMIN).expectStatus().isForbidden();
        reports.get(uri(V, query), null).expectStatus().isUnauthorized();
    }

    @Test
    void badParametersAre400sNamingThem() {
        reports.invalid(uri(V, "fiscalYear=" + YEAR + "&semester=3"), FINANCE, "semester");
        reports.invalid(uri(V, "fiscalYear=" + YEAR), FINANCE, "semester");
        reports.invalid(uri(V, "fiscalYear=abc&semester=1"), FINANCE, "fiscalYear");
        reports.invalid(uri(V, "semester=1"), FINANCE, "fiscalYear");
        reports.invalid(uri("76.01.01.20x1", "fiscalYear=" + YEAR + "&semester=1"), FINANCE, "code");
    }

    private List<String> report(String village, int semester, String authorization) {
        String csv = reports.text(uri(village, "fiscalYear=" + YEAR + "&semester=" + semester), authorization);
        return csv.lines().map(line -> line + "\r\n").toList();
    }

    private static String uri(String village, String query) {
        return "/api/budget/villages/" + village + "/reports/realization?" + query;
    }
}
