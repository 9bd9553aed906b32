package id.desadigital.budget.report;

import static id.desadigital.budget.report.ReportFixtures.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import id.desadigital.budget.BudgetServiceTest;
import id.desadigital.platform.testing.HttpChecks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public Fiscal Data Package: its descriptor's structure, and its CSV, whose rows add up to the realization
 * report's figures. Fiscal year 2042 and province 79 are this class's alone.
 */
@BudgetServiceTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FiscalDataPackageTest {

    static final int YEAR = 2042;
    static final String A = "79.01.01.2001";
    static final String B = "79.01.02.2001";
    static final String PACKAGE = "/api/public/fiscal-data/" + YEAR;

    @Autowired
    WebTestClient web;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Value("${local.server.port}")
    int port;

    ReportFixtures reports;
    String internet;

    @BeforeAll
    void ledger() {
        reports = new ReportFixtures(web, mongo);
        reports.village(A, "Sukamaju", "Kecamatan Utara", "Kabupaten Uji", "Provinsi Contoh");
        reports.village(B, "Karanganyar, Kidul", "Kecamatan \"Selatan\"", "Kabupaten Uji", "Provinsi Contoh");
        internet = reports.program(YEAR, "=Internet Desa", "1.4.08", "PBK", 50_000_000);
        String training = reports.program(YEAR, "Pelatihan", "1.4.09", "DDS", 50_000_000);

        String aInternet = reports.allocation(internet, A, 7_000_000);
        String bInternet = reports.allocation(internet, B, 6_000_000);
        String aTraining = reports.allocation(training, A, 1_000_000);
        reports.spend(aInternet, A, 3_000_000, "HARDWARE", YEAR + "-02-10");
        reports.spend(aInternet, A, 1_000_000, "HARDWARE", YEAR + "-03-10");
        reports.spend(aInternet, A, 250_000, "CONNECTIVITY", YEAR + "-03-11");
        reports.reverse(reports.spend(bInternet, B, 2_000_000, "SOFTWARE", YEAR + "-04-01"));
        reports.spend(bInternet, B, 1_500_000, "DATA", YEAR + "-04-02");
        reports.spend(aTraining, A, 400_000, "TRAINING", YEAR + "-09-09");
    }

    @Test
    void theDescriptorIsAFiscalDataPackage() {
        JsonNode descriptor = descriptor(PACKAGE + "/datapackage.json");

        assertThat(descriptor.get("profile").asString()).isEqualTo("fiscal-data-package");
        assertThat(descriptor.get("name").asString()).isEqualTo("desa-digital-realization-" + YEAR);
        assertThat(descriptor.get("title").asString()).contains(String.valueOf(YEAR));
        assertThat(descriptor.get("countryCode").asString()).isEqualTo("ID");
        assertThat(descriptor.at("/fiscalPeriod/start").asString()).isEqualTo(YEAR + "-01-01");
        assertThat(descriptor.at("/fiscalPeriod/end").asString()).isEqualTo(YEAR + "-12-31");
        assertThat(descriptor.at("/licenses/0/name").asString()).isNotBlank();

        JsonNode resource = descriptor.at("/resources/0");
        assertThat(descriptor.get("resources").size()).isEqualTo(1);
        assertThat(resource.get("path").asString()).isEqualTo("realization.csv");
        assertThat(resource.get("format").asString()).isEqualTo("csv");
        Map<String, String> types = new HashMap<>();
        resource.at("/schema/fields").forEach(field -> types.put(field.get("name").asString(),
                field.get("type").asString()));
        assertThat(types).containsEntry("fiscal_year", "integer").containsEntry("allocated", "integer")
                .containsEntry("spent", "integer").containsEntry("village_code", "string")
                .containsEntry("district_code", "string").containsEntry("program_id", "string")
                .containsEntry("category_code", "string").containsEntry("funding_source", "string")
                .containsEntry("activity_code", "string");

        JsonNode model = descriptor.get("model");
        for (String measure : List.of("allocated", "spent")) {
            assertThat(model.at("/measures/" + measure + "/source").asString()).isEqualTo(measure);
            assertThat(model.at("/measures/" + measure + "/currency").asString()).isEqualTo("IDR");
        }
        assertThat(model.at("/measures/spent/phase").asString()).isEqualTo("executed");
        assertThat(fieldNames(model.get("dimensions"))).containsExactlyInAnyOrder("date",
                "administrative-classification", "activity", "functional-classification", "economic-classification");
        model.get("dimensions").forEach(dimension -> {
            assertThat(dimension.get("dimensionType").asString()).isNotBlank();
            assertThat(dimension.get("primaryKey").size()).isPositive();
            // Every attribute takes its values from a column of the CSV, and every key names an attribute.
            dimension.get("attributes").forEach(attribute ->
                    assertThat(types).containsKey(attribute.get("source").asString()));
            dimension.get("primaryKey").forEach(key ->
                    assertThat(dimension.get("attributes").has(key.asString())).isTrue());
        });
        JsonNode administrative = model.at("/dimensions/administrative-classification");
        assertThat(administrative.get("classificationType").asString()).isEqualTo("administrative");
        assertThat(administrative.at("/attributes/code/source").asString()).isEqualTo("village_code");
        assertThat(administrative.at("/attributes/code/parent").asString()).isEqualTo("district_code");
        assertThat(administrative.at("/attributes/district_code/parent").asString()).isEqualTo("regency_code");
        assertThat(administrative.at("/attributes/regency_code/parent").asString()).isEqualTo("province_code");
        assertThat(model.at("/dimensions/economic-classification/attributes/code/source").asString())
                .isEqualTo("category_code");
        assertThat(model.at("/dimensions/economic-classification/classificationType").asString()).isEqualTo("economic");
        assertThat(model.at("/dimensions/functional-classification/attributes/code/source").asString())
                .isEqualTo("activity_code");
        assertThat(model.at("/dimensions/activity/dimensionType").asString()).isEqualTo("activity");
        assertThat(model.at("/dimensions/date/dimensionType").asString()).isEqualTo("datetime");
    }

    @Test
    void theCsvRowsAddUpToTheRealizationReport() {
        List<Map<String, String>> rows = csv(reports.text(PACKAGE + "/realization.csv", null));

        Map<String, long[]> byDistrict = new HashMap<>();
        Map<String, long[]> byVillage = new HashMap<>();
        for (Map<String, String> row : rows) {
            assertThat(row.get("fiscal_year")).isEqualTo(String.valueOf(YEAR));
            add(byDistrict, row.get("district_code"), row);
            add(byVillage, row.get("village_code"), row);
        }
        for (var expected : reports.rows("/api/public/realization?fiscalYear=" + YEAR + "&groupBy=district", null)) {
            long[] sums = byDistrict.get((String) expected.get("key"));
            assertThat(sums).containsExactly(((Number) expected.get("allocated")).longValue(),
                    ((Number) expected.get("spent")).longValue());
        }
        assertThat(byVillage.get(A)).containsExactly(8_000_000, 4_650_000);
        assertThat(byVillage.get(B)).containsExactly(6_000_000, 1_500_000);
        assertThat(byDistrict).hasSize(2);
    }

    @Test
    void theCsvHasARowPerAllocationAndOnePerCategorySpentIn() {
        List<Map<String, String>> rows = csv(reports.text(PACKAGE + "/realization.csv", null));

        List<String> aInternet = rows.stream()
                .filter(row -> row.get("village_code").equals(A) && row.get("program_id").equals(internet))
                .map(row -> row.get("category_code") + ":" + row.get("allocated") + ":" + row.get("spent")).toList();
        assertThat(aInternet).containsExactly(":7000000:0", "CONNECTIVITY:0:250000", "HARDWARE:0:4000000");
        Map<String, String> first = rows.stream().filter(row -> row.get("village_code").equals(A)
                && row.get("program_id").equals(internet) && row.get("category_code").isEmpty()).findFirst().orElseThrow();
        assertThat(first).containsEntry("province_code", "79").containsEntry("province_name", "Provinsi Contoh")
                .containsEntry("regency_code", "79.01").containsEntry("regency_name", "Kabupaten Uji")
                .containsEntry("district_code", "79.01.01").containsEntry("district_name", "Kecamatan Utara")
                .containsEntry("village_name", "Sukamaju").containsEntry("activity_code", "1.4.08")
                .containsEntry("funding_source", "PBK");
        // A name a spreadsheet would run as a formula is defused; commas and quotes are quoted.
        assertThat(first.get("program_name")).isEqualTo("'=Internet Desa");
        assertThat(rows).anySatisfy(row -> assertThat(row.get("village_name")).isEqualTo("Karanganyar, Kidul"));
        assertThat(rows).anySatisfy(row -> assertThat(row.get("district_name")).isEqualTo("Kecamatan \"Selatan\""));
        // The reversed spending is gone, its category with it.
        assertThat(rows).noneSatisfy(row -> assertThat(row.get("category_code")).isEqualTo("SOFTWARE"));
    }

    @Test
    void theCsvCarriesNoPersonalData() {
        String csv = reports.text(PACKAGE + "/realization.csv", null);

        assertThat(csv).doesNotContain(ReportFixtures.VENDOR, ReportFixtures.RECEIPT, ReportFixtures.DESCRIPTION,
                "kades", "Nota ganda");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("fiscal_year,province_code,province_name,"
                + "regency_code,regency_name,district_code,district_name,village_code,village_name,program_id,"
                + "program_name,activity_code,funding_source,category_code,category_name,allocated,spent");
    }

    @Test
    void aClientThatAcceptsGzipGetsTheSameCsvCompressed() throws IOException {
        // A client of its own: the test context's WebTestClient asks for gzip itself and inflates what it gets.
        WebTestClient plain = HttpChecks.connectionPerRequest(port);
        byte[] gzipped = plain.get().uri(PACKAGE + "/realization.csv")
                .header(HttpHeaders.ACCEPT_ENCODING, "br;q=1.0, gzip;q=0.8").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_ENCODING, "gzip")
                .expectHeader().contentTypeCompatibleWith("text/csv")
                .expectBody(byte[].class).returnResult().getResponseBody();
        String text = plain.get().uri(PACKAGE + "/realization.csv").exchange()
                .expectStatus().isOk()
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING)
                .expectBody(String.class).returnResult().getResponseBody();

        try (GZIPInputStream inflated = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertThat(new String(inflated.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(text);
        }
        assertThat(csv(text)).hasSize(csv(reports.text(PACKAGE + "/realization.csv", null)).size());
        plain.get().uri(PACKAGE + "/realization.csv").header(HttpHeaders.ACCEPT_ENCODING, "gzip;q=0").exchange()
                .expectStatus().isOk().expectHeader().doesNotExist(HttpHeaders.CONTENT_ENCODING);
    }

    @Test
    void aYearWithoutProgramsHasNoPackage() {
        reports.get("/api/public/fiscal-data/2097/datapackage.json", null).expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith("application/problem+json");
        reports.get("/api/public/fiscal-data/2097/realization.csv", null).expectStatus().isNotFound();
    }

    @Test
    void aMalformedYearIsA400() {
        reports.invalid("/api/public/fiscal-data/abc/datapackage.json", null, "fiscalYear");
        reports.invalid("/api/public/fiscal-data/99999/realization.csv", null, "fiscalYear");
    }

    @Test
    void aTokenIsNotNeededButAnOfficersIsAccepted() {
        reports.get(PACKAGE + "/datapackage.json", FINANCE).expectStatus().isOk();
    }

    private JsonNode descriptor(String uri) {
        String json = reports.get(uri, null).expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/json")
                .expectBody(String.class).returnResult().getResponseBody();
        return JsonMapper.builder().build().readTree(json);
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.propertyNames().forEach(names::add);
        return names;
    }

    private static void add(Map<String, long[]> sums, String key, Map<String, String> row) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += Long.parseLong(row.get("allocated"));
        sum[1] += Long.parseLong(row.get("spent"));
    }

    /** The CSV's rows by column name; quoted fields (RFC 4180) are unquoted. */
    static List<Map<String, String>> csv(String text) {
        List<String> lines = text.lines().toList();
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> fields = fields(line);
            assertThat(fields).hasSize(header.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), fields.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return Arrays.asList(fields.toArray(String[]::new));
    }
}
