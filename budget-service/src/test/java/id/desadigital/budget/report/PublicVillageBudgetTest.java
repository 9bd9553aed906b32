package id.desadigital.budget.report;

import static id.desadigital.budget.report.ReportFixtures.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.budget.ledger.BudgetFixtures;

/**
 * A village's year for the public portal, without a token: the figures of the signed-in summary, the allocations
 * with their programs, every spending (a reversed one listed as REVERSED and counted nowhere), and nobody named.
 * Fiscal years 2045 to 2047 and province 74 are this class's alone.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicVillageBudgetTest {

    static final int YEAR = 2045;
    static final int NEXT_YEAR = 2046;
    static final int EMPTY_YEAR = 2047;
    static final String V = "74.01.01.2001";
    static final String W = "74.01.01.2002";
    static final String REVERSAL_REASON = "Nota tercatat dua kali";
    static final List<String> FIELDS = List.of("villageCode", "villageName", "districtName", "regencyName",
            "provinceName", "fiscalYear", "allocated", "spent", "remaining", "rate", "allocations", "spending");
    static final List<String> ALLOCATION_FIELDS = List.of("id", "programId", "programName", "fundingSource",
            "activityCode", "amount", "spent", "remaining");
    static final List<String> SPENDING_FIELDS = List.of("id", "allocationId", "programName", "spentOn", "category",
            "description", "vendor", "receiptNo", "amount", "status");

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    ReportFixtures reports;
    BudgetFixtures budget;
    String internet;
    String website;
    String vInternet;
    String vWebsite;
    String laptop;
    String doubled;
    String training;
    String hosting;

    @BeforeAll
    void ledger() {
        reports = new ReportFixtures(web, mongo);
        budget = new BudgetFixtures(web, mongo);
        reports.village(V, "Wawotobi", "Kecamatan Wawotobi", "Kabupaten Konawe", "Sulawesi Tenggara");
        reports.village(W, "Inolobu", "Kecamatan Wawotobi", "Kabupaten Konawe", "Sulawesi Tenggara");
        // Opened first, so that its id sorts first; its activity code sorts after the website's.
        internet = reports.program(YEAR, "Jaringan Internet Desa", "1.4.08", "DDS", 100_000_000);
        website = reports.program(YEAR, "Situs Web Desa", "1.4.07", "ADD", 100_000_000);
        vInternet = reports.allocation(internet, V, 6_000_000);
        vWebsite = reports.allocation(website, V, 2_000_000);

        laptop = spend(vInternet, 2_000_000, "HARDWARE", YEAR + "-03-02", "Laptop operator SID", "CV Maju Jaya",
                "INV/017");
        doubled = spend(vInternet, 700_000, "HARDWARE", YEAR + "-05-05", "Modem 4G", "CV Maju Jaya", "INV/018");
        budget.post(FINANCE, "/api/budget/spending/" + doubled + "/reversal", Map.of("reason", REVERSAL_REASON))
                .expectStatus().isCreated();
        hosting = spend(vWebsite, 1_500_000, "WEBSITE", YEAR + "-09-09", "Hosting situs desa setahun", null, null);
        // Dated like the laptop but recorded after it: newest first puts it before the laptop.
        training = spend(vInternet, 500_000, "TRAINING", YEAR + "-03-02", "Pelatihan operator", "LPK Cerdas",
                "KW-22");

        // Another year of the same village, which the first year's answer must leave out.
        String later = reports.program(NEXT_YEAR, "Jaringan Internet Desa", "1.4.08", "DDS", 100_000_000);
        spend(reports.allocation(later, V, 1_000_000), 100_000, "CONNECTIVITY", NEXT_YEAR + "-01-15",
                "Langganan internet Januari", "PT Telkom", "T-01");
    }

    @Test
    void theVillagesYearWithoutAToken() {
        Map<String, Object> year = publicBudget(V, YEAR);

        assertThat(year).containsOnlyKeys(FIELDS);
        assertThat(year).containsAllEntriesOf(Map.of("villageCode", V, "villageName", "Wawotobi",
                "districtName", "Kecamatan Wawotobi", "regencyName", "Kabupaten Konawe",
                "provinceName", "Sulawesi Tenggara", "fiscalYear", YEAR, "allocated", 8_000_000,
                "spent", 4_000_000, "remaining", 4_000_000, "rate", 0.5));
        assertThat(list(year, "allocations"))
                .extracting("id", "programId", "programName", "fundingSource", "activityCode", "amount", "spent",
                        "remaining")
                .containsExactly(
                        tuple(vWebsite, website, "Situs Web Desa", "ADD", "1.4.07", 2_000_000, 1_500_000, 500_000),
                        tuple(vInternet, internet, "Jaringan Internet Desa", "DDS", "1.4.08", 6_000_000, 2_500_000,
                                3_500_000));
        assertThat(list(year, "spending"))
                .extracting("id", "allocationId", "programName", "spentOn", "category", "description", "vendor",
                        "receiptNo", "amount", "status")
                .containsExactly(
                        tuple(hosting, vWebsite, "Situs Web Desa", YEAR + "-09-09", "WEBSITE",
                                "Hosting situs desa setahun", null, null, 1_500_000, "RECORDED"),
                        tuple(doubled, vInternet, "Jaringan Internet Desa", YEAR + "-05-05", "HARDWARE", "Modem 4G",
                                "CV Maju Jaya", "INV/018", 700_000, "REVERSED"),
                        tuple(training, vInternet, "Jaringan Internet Desa", YEAR + "-03-02", "TRAINING",
                                "Pelatihan operator", "LPK Cerdas", "KW-22", 500_000, "RECORDED"),
                        tuple(laptop, vInternet, "Jaringan Internet Desa", YEAR + "-03-02", "HARDWARE",
                                "Laptop operator SID", "CV Maju Jaya", "INV/017", 2_000_000, "RECORDED"));
    }

    @Test
    void theFiguresAreTheSignedInSummarys() {
        for (String village : List.of(V, W)) {
            for (int year : List.of(YEAR, NEXT_YEAR, EMPTY_YEAR)) {
                Map<String, Object> summary = reports.get("/api/budget/villages/" + village + "/summary?fiscalYear="
                        + year, FINANCE).expectStatus().isOk()
                        .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                        .returnResult().getResponseBody();
                Map<String, Object> open = publicBudget(village, year);
                String which = village + " in " + year;

                for (String figure : List.of("villageCode", "fiscalYear", "allocated", "spent", "remaining")) {
                    assertThat(open.get(figure)).as(which + ": " + figure).isEqualTo(summary.get(figure));
                }
                assertThat(list(open, "allocations")).as(which)
                        .extracting("id", "programId", "amount", "spent", "remaining")
                        .containsExactlyInAnyOrderElementsOf(list(summary, "allocations").stream()
                                .map(allocation -> tuple(allocation.get("id"), allocation.get("programId"),
                                        allocation.get("amount"), allocation.get("spent"), allocation.get("remaining")))
                                .toList());
            }
        }
    }

    @Test
    void aReversedSpendingIsListedAsReversedAndCountsNowhere() {
        Map<String, Object> year = publicBudget(V, YEAR);

        assertThat(list(year, "spending")).filteredOn(spending -> spending.get("id").equals(doubled))
                .extracting("status", "amount").containsExactly(tuple("REVERSED", 700_000));
        assertThat(list(year, "spending")).filteredOn(spending -> !spending.get("id").equals(doubled))
                .allSatisfy(spending -> assertThat(spending.get("status")).isEqualTo("RECORDED"));
        long recorded = list(year, "spending").stream().filter(spending -> spending.get("status").equals("RECORDED"))
                .mapToLong(spending -> ((Number) spending.get("amount")).longValue()).sum();
        assertThat(recorded).isEqualTo(4_000_000).isEqualTo(((Number) year.get("spent")).longValue());
    }

    @Test
    void eachYearHasOnlyItsOwnMoney() {
        Map<String, Object> next = publicBudget(V, NEXT_YEAR);

        assertThat(next).containsEntry("allocated", 1_000_000).containsEntry("spent", 100_000)
                .containsEntry("rate", 0.1);
        assertThat(list(next, "spending")).extracting("description").containsExactly("Langganan internet Januari");
        assertThat(list(publicBudget(V, YEAR), "spending")).extracting("description")
                .doesNotContain("Langganan internet Januari");
    }

    @Test
    void nobodyIsNamed() {
        for (String uri : List.of(uri(V, "fiscalYear=" + YEAR), uri(V, "fiscalYear=" + NEXT_YEAR),
                uri(W, "fiscalYear=" + YEAR))) {
            String json = reports.get(uri, null).expectStatus().isOk().expectBody(String.class).returnResult()
                    .getResponseBody();

            // The actors: the finance officer who allocated and reversed, the head who spent.
            assertThat(json).as(uri).doesNotContain("finance", "head-", "actor", "auditor", "admin",
                    REVERSAL_REASON, "reason");
        }
        Map<String, Object> year = publicBudget(V, YEAR);
        assertThat(year).containsOnlyKeys(FIELDS);
        assertThat(list(year, "allocations")).allSatisfy(item -> assertThat(item).containsOnlyKeys(ALLOCATION_FIELDS));
        assertThat(list(year, "spending")).allSatisfy(item -> assertThat(item).containsOnlyKeys(SPENDING_FIELDS));
    }

    @Test
    void aKnownVillageWithNothingThatYearHasZeros() {
        for (Map<String, Object> nothing : List.of(publicBudget(W, YEAR), publicBudget(V, EMPTY_YEAR))) {
            assertThat(nothing).containsEntry("allocated", 0).containsEntry("spent", 0).containsEntry("remaining", 0)
                    .containsEntry("rate", null).containsEntry("districtName", "Kecamatan Wawotobi");
            assertThat(list(nothing, "allocations")).isEmpty();
            assertThat(list(nothing, "spending")).isEmpty();
        }
    }

    @Test
    void theRateIsAJsonNumberToFourDecimals() {
        String json = reports.get(uri(V, "fiscalYear=" + YEAR), null).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(json).contains("\"rate\":0.5000", "\"allocated\":8000000");
    }

    /** As the signed-in summary: the calendar year in Jakarta, whatever the server's zone. */
    @Test
    void withoutAFiscalYearItIsThisYearInJakarta() {
        int thisYear = LocalDate.now(ZoneId.of("Asia/Jakarta")).getYear();
        Map<String, Object> open = reports.get(uri(V, ""), null).expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();

        assertThat(open).containsEntry("fiscalYear", thisYear);
        reports.get("/api/budget/villages/" + V + "/summary", FINANCE).expectStatus().isOk()
                .expectBody().jsonPath("$.fiscalYear").isEqualTo(thisYear);
        reports.get(uri(V, "fiscalYear="), null).expectStatus().isOk()
                .expectBody().jsonPath("$.fiscalYear").isEqualTo(thisYear);
    }

    @Test
    void anUnknownVillageIs404() {
        reports.get(uri("74.01.09.2009", "fiscalYear=" + YEAR), null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.status").isEqualTo(404);
    }

    @Test
    void badParametersAre400sNamingThem() {
        reports.invalid(uri("74.01.01.20x1", "fiscalYear=" + YEAR), null, "code");
        reports.invalid(uri("74.01.01", "fiscalYear=" + YEAR), null, "code");
        reports.invalid(uri(".*", "fiscalYear=" + YEAR), null, "code");
        reports.invalid(uri(V, "fiscalYear=abc"), null, "fiscalYear");
        reports.invalid(uri(V, "fiscalYear=1999"), null, "fiscalYear");
        reports.invalid(uri(V, "fiscalYear=2101"), null, "fiscalYear");
        reports.invalid(uri(V, "fiscalYear=2045.5"), null, "fiscalYear");
    }

    private String spend(String allocationId, long amount, String category, String spentOn, String description,
            String vendor, String receiptNo) {
        Map<String, Object> body = new HashMap<>(Map.of("amount", amount, "spentOn", spentOn, "category", category,
                "description", description));
        if (vendor != null) {
            body.put("vendor", vendor);
        }
        if (receiptNo != null) {
            body.put("receiptNo", receiptNo);
        }
        return (String) budget.post(ReportFixtures.head(V), "/api/budget/allocations/" + allocationId + "/spending",
                        body)
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private Map<String, Object> publicBudget(String village, int year) {
        return reports.get(uri(village, "fiscalYear=" + year), null).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> answer, String field) {
        return (List<Map<String, Object>>) answer.get(field);
    }

    private static String uri(String village, String query) {
        return "/api/public/villages/" + village + "/budget" + (query.isEmpty() ? "" : "?" + query);
    }
}
