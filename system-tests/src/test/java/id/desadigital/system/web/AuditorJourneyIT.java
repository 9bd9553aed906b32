package id.desadigital.system.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Browser;
import id.desadigital.system.support.BrowserExtension;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.WebPages;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;

/**
 * The auditor's console in a real headless Chromium, after a village's year made through the API (an allocation, two
 * spendings, the first reversed): the ledger narrowed to the village shows its entries in order with their hashes;
 * the village's figures as of a moment between the two spendings count only the first; the integrity check says the
 * ledger is intact with its entry count; the CSV of the filter is saved as a file with the same entries.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class AuditorJourneyIT {

    /** A village of its own, in a regency of its own, so that nothing else in the stack touches its ledger. */
    private static final String VILLAGE = "33.97.01.2001";
    private static final String CSV = """
            code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
            33.97.01.2001,Karangaudit,33.97.01,Pemeriksa,33.97,Kabupaten Uji Audit,33,Jawa Tengah
            """;

    @Test
    void anAuditorExploresTheLedgerComparesAMomentVerifiesAndDownloads(Browser browser, Fixture fixture)
            throws IOException {
        String gateway = fixture.gateway();
        String admin = fixture.token(Who.ADMIN);
        assertThat(Api.send("POST", gateway + "/api/villages/import", admin, CSV, "text/csv").status())
                .isEqualTo(200);
        String headName = "kades-karangaudit";
        Api.send("POST", gateway + "/api/auth/users", admin, Map.of("username", headName,
                "password", Fixture.password(headName), "role", "VILLAGE_HEAD", "villageCode", VILLAGE));
        String head = Api.signIn(gateway, headName, Fixture.password(headName));
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String program = Fixture.program(gateway, officer, 100_000_000L);
        String allocation = Fixture.allocate(gateway, officer, program, VILLAGE, 50_000_000L);
        String first = Fixture.spend(gateway, head, allocation, 1_500_000L);
        // The moment chosen lies strictly between the two spendings, on a whole second as the page's field takes it.
        Instant firstAt = Instant.parse(ledger(gateway, fixture).get(1).path("occurredAt").asString());
        Instant between = firstAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        // The second spending must fall after that moment on the server's clock, which no test can set.
        Instant after = between.plusMillis(200);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(after));
        Fixture.spend(gateway, head, allocation, 2_250_000L);
        Api.ok("POST", gateway + "/api/budget/spending/" + first + "/reversal", head,
                Map.of("reason", "Salah catat nomor kuitansi"));
        List<JsonNode> entries = ledger(gateway, fixture);
        assertThat(entries).extracting(e -> e.path("type").asString()).containsExactly("FUNDS_ALLOCATED",
                "SPENDING_RECORDED", "SPENDING_RECORDED", "SPENDING_REVERSED");

        browser.forgetEverything();
        browser.resize(Browser.DESKTOP);
        browser.consoleErrors();
        WebPages.signInAs(browser, fixture, Who.AUDITOR);

        // The ledger, narrowed to the village: its four entries, oldest first.
        WebElement village = browser.find(By.id("f-village"));
        village.sendKeys(VILLAGE);
        browser.find(By.cssSelector("#ledger-form button[type=submit]")).click();
        browser.awaitText(By.id("ledger-summary"), "dari 4 entri");
        List<WebElement> rows = browser.driver().findElements(By.cssSelector("#ledger tbody tr"));
        assertThat(rows).hasSize(4);
        List<String> types = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            WebElement row = rows.get(i);
            JsonNode entry = entries.get(i);
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(0).getText()).isEqualTo(entry.path("seq").asString());
            types.add(cells.get(2).findElement(By.cssSelector(".entry-type")).getText());
            assertThat(cells.get(3).getText()).isEqualTo(entry.path("actor").asString());
            assertThat(cells.get(4).getText()).isEqualTo(VILLAGE);
            assertThat(cells.get(6).findElement(By.tagName("summary")).getText())
                    .isEqualTo(entry.path("hash").asString().substring(0, 10) + "…");
        }
        assertThat(types).containsExactly("Dana dialokasikan", "Belanja dicatat", "Belanja dicatat",
                "Belanja dibatalkan");
        assertThat(rows).extracting(r -> r.findElements(By.tagName("td")).get(5).getText())
                .containsExactly("Rp 50.000.000", "Rp 1.500.000", "Rp 2.250.000", "Rp 1.500.000");
        assertThat(rows.get(3).getText()).contains("Salah catat nomor kuitansi");
        rows.get(1).findElement(By.tagName("summary")).click();
        assertThat(browser.find(By.cssSelector("#ledger tbody tr:nth-child(2) .hash-full")).getText())
                .contains(entries.get(1).path("hash").asString(), entries.get(1).path("prevHash").asString());

        // As of the moment between the two spendings: only the first counted; today the first is reversed.
        browser.find(By.id("a-village")).sendKeys(VILLAGE);
        browser.script("const d = new Date(arguments[1]); const p = (n) => String(n).padStart(2, '0');"
                + "arguments[0].value = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T`"
                + " + `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;",
                browser.find(By.id("a-at")), between.toString());
        browser.find(By.cssSelector("#asof-form button[type=submit]")).click();
        browser.find(By.id("asof-table"));
        assertThat(figure(browser, "allocated", "then")).isEqualTo("Rp 50.000.000");
        assertThat(figure(browser, "spent", "then")).isEqualTo("Rp 1.500.000");
        assertThat(figure(browser, "remaining", "then")).isEqualTo("Rp 48.500.000");
        assertThat(figure(browser, "spent", "now")).isEqualTo("Rp 2.250.000");
        assertThat(figure(browser, "remaining", "now")).isEqualTo("Rp 47.750.000");

        // The integrity check: intact, with as many entries as the API counts.
        browser.find(By.id("verify-run")).click();
        WebElement verdict = browser.find(By.cssSelector("#verdict.verdict-valid"));
        long counted = Api.ok("GET", gateway + "/api/budget/ledger/verify", fixture.token(Who.AUDITOR), null)
                .path("entries").asLong();
        assertThat(verdict.findElement(By.cssSelector(".verdict-title")).getText()).isEqualTo("Buku besar utuh");
        assertThat(verdict.getText()).contains(String.format(Locale.forLanguageTag("id"), "%,d entri diperiksa", counted));
        assertThat(browser.find(By.id("verify-result")).getAttribute("role")).isEqualTo("status");

        // The CSV of the filter, saved as a file: the header and the village's four entries in order.
        List<Path> before = browser.downloads();
        browser.find(By.id("ledger-csv")).click();
        Path file = browser.downloaded(".csv", before);
        assertThat(file.getFileName().toString()).startsWith("buku-besar-");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("seq,id,type,occurredAt,actor,programId,villageCode,");
        assertThat(lines).hasSize(5);
        for (int i = 0; i < 4; i++) {
            assertThat(lines.get(i + 1)).startsWith(entries.get(i).path("seq").asString() + ","
                    + entries.get(i).path("id").asString() + "," + entries.get(i).path("type").asString() + ",")
                    .contains(VILLAGE, entries.get(i).path("hash").asString());
        }
        assertThat(browser.awaitText(By.id("csv-status"), "diunduh").getText()).contains(file.getFileName().toString());

        for (WebElement control : browser.driver().findElements(By.cssSelector("a, button, input, select, summary"))) {
            if (control.isDisplayed()) {
                assertThat(control.getAccessibleName()).as("accessible name of %s", control.getAttribute("outerHTML"))
                        .isNotBlank();
            }
        }
        browser.resize(Browser.PHONE);
        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        browser.resize(Browser.DESKTOP);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshots("console-auditor");
    }

    private static List<JsonNode> ledger(String gateway, Fixture fixture) {
        List<JsonNode> entries = new ArrayList<>();
        Api.ok("GET", gateway + "/api/budget/ledger?villageCode=" + VILLAGE, fixture.token(Who.AUDITOR), null)
                .path("items").forEach(entries::add);
        return entries;
    }

    private static String figure(Browser browser, String figure, String column) {
        return browser.find(By.cssSelector("#asof-table tr[data-figure=" + figure + "] .asof-" + column)).getText();
    }
}
