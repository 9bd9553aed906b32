package id.desadigital.system.web;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_A;
import static id.desadigital.system.support.Fixture.VILLAGE_B;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Browser;
import id.desadigital.system.support.BrowserExtension;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.WebPages;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;

/**
 * The finance officer's console, end to end in a real headless Chromium: a program created, allocated to a whole
 * district at once and from a CSV (one refused past the ceiling, one unknown village, one already allocated), the
 * ceiling revised (not below what is allocated), one allocation adjusted, the program closed and later writes
 * refused.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class OfficerJourneyIT {

    /** Four desa of Karangjambu the journey allocates to as a whole district (the demo data may add two more). */
    private static final String DISTRICT = "33.03.17";
    private static final List<String> KARANGJAMBU = List.of("33.03.17.2003", "33.03.17.2004", "33.03.17.2005",
            "33.03.17.2006");
    private static final String CSV = """
            code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
            33.03.17.2003,Sanguwatang,33.03.17,Karangjambu,33.03,Kabupaten Purbalingga,33,Jawa Tengah
            33.03.17.2004,Danasari,33.03.17,Karangjambu,33.03,Kabupaten Purbalingga,33,Jawa Tengah
            33.03.17.2005,Karangjambu,33.03.17,Karangjambu,33.03,Kabupaten Purbalingga,33,Jawa Tengah
            33.03.17.2006,Jingkang,33.03.17,Karangjambu,33.03,Kabupaten Purbalingga,33,Jawa Tengah
            """;
    /** Expected refusals the page shows (Chromium logs each refused request as an error). */
    private static final List<String> REFUSED = List.of("/allocations - Failed to load resource",
            "33.03.01.9999 - Failed to load resource");

    @Test
    void anOfficerRunsAProgramFromCreationToClosing(Browser browser, Fixture fixture) {
        String gateway = fixture.gateway();
        String officer = fixture.token(Who.FINANCE_OFFICER);
        knownToTheLedger(fixture);
        browser.forgetEverything();
        browser.resize(Browser.DESKTOP);
        browser.consoleErrors();

        WebPages.signInAs(browser, fixture, Who.FINANCE_OFFICER);
        if (Year.now().getValue() != FISCAL_YEAR) {
            browser.open("/officer.html?fiscalYear=" + FISCAL_YEAR);
        }

        // A new program, with the page's own checks first.
        browser.find(By.id("new-program-toggle")).click();
        browser.find(By.id("program-name")).sendKeys("Internet desa Karangjambu");
        browser.find(By.id("program-ceiling")).sendKeys("60.000.000,50");
        new Select(browser.find(By.id("program-source"))).selectByValue("DDS");
        browser.find(By.id("program-activity")).sendKeys("1.4.08");
        browser.find(By.cssSelector("#program-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("program-ceiling-error"), "rupiah utuh").getText())
                .isEqualTo("Tulis jumlah rupiah utuh lebih dari nol, misalnya 150.000.000 (tanpa sen).");
        retype(browser, "program-ceiling", "60.000.000");
        browser.find(By.cssSelector("#program-form button[type=submit]")).click();

        browser.awaitText(By.id("detail-title"), "Internet desa Karangjambu");
        String programId = (String) browser.script("return new URL(location.href).searchParams.get('program');");
        JsonNode program = Api.ok("GET", gateway + "/api/budget/programs/" + programId, officer, null);
        assertThat(program.path("ceiling").asLong()).isEqualTo(60_000_000L);
        assertThat(program.path("fundingSource").asString()).isEqualTo("DDS");
        WebElement row = browser.find(By.cssSelector("#program-list tr[data-program-id='" + programId + "']"));
        assertThat(row.getText()).contains("Internet desa Karangjambu", "1.4.08", "Rp 60.000.000", "Dibuka");
        assertThat(browser.find(By.id("allocation-list")).getText()).contains("Belum ada alokasi");
        browser.screenshots("officer-programs");

        // A whole district at once: every village of Karangjambu, Rp 10.000.000 each.
        new Select(browser.find(By.id("pick-district"))).selectByValue(DISTRICT);
        browser.awaitText(By.id("pick-all-label"), "Karangjambu");
        browser.until(d -> !d.findElements(By.id("pick-" + KARANGJAMBU.get(3).replace('.', '-'))).isEmpty());
        browser.find(By.id("pick-all")).click();
        int picked = browser.driver().findElements(By.cssSelector("#pick-villages input:checked")).size();
        assertThat(picked).isGreaterThanOrEqualTo(KARANGJAMBU.size());
        browser.find(By.id("pick-amount")).sendKeys("10.000.000");
        assertThat(browser.find(By.id("pick-selected")).getText())
                .isEqualTo(picked + " desa dipilih · jumlah " + rupiah(10_000_000L * picked));
        browser.find(By.id("pick-submit")).click();
        browser.awaitText(By.id("bulk-progress-text"), picked + " dari " + picked + " desa diproses");
        browser.awaitText(By.id("bulk-summary"), picked + " dibuat · 0 ditolak");
        for (String village : KARANGJAMBU) {
            assertThat(resultOf(browser, village)).isEqualTo("created");
        }
        long allocated = 10_000_000L * picked;
        browser.awaitText(By.id("detail-stats"), rupiah(allocated));
        assertThat(Api.ok("GET", gateway + "/api/budget/allocations?programId=" + programId, officer, null)
                .path("total").asInt()).isEqualTo(picked);

        // A CSV: one village within what is left, one past the ceiling, an unknown one, one already allocated.
        long available = 60_000_000L - allocated;
        browser.find(By.id("tab-csv")).click();
        String csv = "villageCode,amount,note\n"
                + VILLAGE_A + ",5.000.000,Internet kantor desa\n"
                + VILLAGE_B + "," + (available + 1) + ",Lebih dari sisa pagu\n"
                + "33.03.01.9999,1000000\n"
                + KARANGJAMBU.get(0) + ",1000000\n";
        browser.find(By.id("csv-text")).sendKeys(csv);
        browser.find(By.cssSelector("#csv-form button[type=submit]")).click();
        browser.awaitText(By.id("bulk-summary"), "1 dibuat · 3 ditolak");
        assertThat(resultOf(browser, VILLAGE_A)).isEqualTo("created");
        assertThat(resultOf(browser, VILLAGE_B)).isEqualTo("pastCeiling");
        assertThat(resultOf(browser, "33.03.01.9999")).isEqualTo("village");
        assertThat(resultOf(browser, KARANGJAMBU.get(0))).isEqualTo("exists");
        assertThat(rowOf(browser, VILLAGE_B).getText()).contains("Melewati pagu", "would pass the program's ceiling");
        assertThat(rowOf(browser, KARANGJAMBU.get(0)).getText()).contains("Sudah ada alokasi");
        assertThat(rowOf(browser, "33.03.01.9999").getText()).contains("Desa tidak dikenal atau tidak aktif");
        allocated += 5_000_000L;
        browser.awaitText(By.id("detail-stats"), rupiah(allocated));
        browser.screenshots("officer-bulk-results");

        // The ceiling: not below what is allocated, said before sending; then raised.
        browser.find(By.id("revision-ceiling")).sendKeys(Long.toString(allocated - 1));
        browser.find(By.id("revision-reason")).sendKeys("Perubahan APBD");
        browser.find(By.cssSelector("#revision-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("revision-ceiling-error"), "di bawah").getText())
                .isEqualTo("Pagu tidak boleh di bawah yang sudah dialokasikan (" + rupiah(allocated) + ").");
        assertThat(Api.ok("GET", gateway + "/api/budget/programs/" + programId, officer, null).path("ceiling")
                .asLong()).as("nothing was sent").isEqualTo(60_000_000L);
        retype(browser, "revision-ceiling", "75.000.000");
        browser.find(By.cssSelector("#revision-form button[type=submit]")).click();
        browser.awaitText(By.id("detail-message"), "Pagu direvisi menjadi Rp 75.000.000.");
        assertThat(Api.ok("GET", gateway + "/api/budget/programs/" + programId, officer, null).path("ceiling")
                .asLong()).isEqualTo(75_000_000L);

        // One allocation adjusted down.
        browser.find(By.cssSelector("#allocation-list tr[data-village-code='" + VILLAGE_A + "'] .adjust-allocation"))
                .click();
        assertThat(browser.find(By.id("adjust-title")).getText()).contains("Kedungbenda");
        new Select(browser.find(By.id("adjust-direction"))).selectByValue("down");
        browser.find(By.id("adjust-amount")).sendKeys("1.500.000");
        browser.find(By.id("adjust-reason")).sendKeys("Harga langganan turun");
        browser.find(By.cssSelector("#adjust-form button[type=submit]")).click();
        browser.awaitText(By.id("detail-message"), "Alokasi Kedungbenda sekarang Rp 3.500.000.");
        assertThat(browser.find(By.cssSelector("#allocation-list tr[data-village-code='" + VILLAGE_A + "']"))
                .getText()).contains("Rp 3.500.000");
        browser.screenshots("officer-program");

        // Closing, after a confirmation; later writes are refused.
        browser.find(By.id("close-start")).click();
        assertThat(browser.find(By.id("close-question")).getText()).contains("Internet desa Karangjambu");
        browser.find(By.cssSelector("#close-form button[type=submit]")).click();
        browser.awaitText(By.id("detail-message"), "Program ditutup.");
        assertThat(browser.find(By.id("detail-status")).getText()).isEqualTo("Ditutup");
        assertThat(browser.driver().findElements(By.cssSelector(".adjust-allocation"))).isEmpty();
        assertThat(browser.find(By.cssSelector("#program-list tr[data-program-id='" + programId + "']")).getText())
                .contains("Ditutup");
        Api.Answer later = Api.send("POST", gateway + "/api/budget/programs/" + programId + "/allocations", officer,
                Map.of("villageCode", VILLAGE_B, "amount", 1_000, "note", "after closing"));
        assertThat(later.status()).isEqualTo(409);
        assertThat(later.body()).contains("is closed");

        browser.resize(Browser.PHONE);
        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        assertThat(browser.consoleErrorsExcept(REFUSED)).isEmpty();
    }

    /** Empties a field as a reader selecting its text would, then types key by key. */
    private static void retype(Browser browser, String id, String text) {
        WebElement field = browser.find(By.id(id));
        browser.script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field);
        field.sendKeys(text);
    }

    private static String resultOf(Browser browser, String village) {
        return rowOf(browser, village).getAttribute("data-result");
    }

    private static WebElement rowOf(Browser browser, String village) {
        return browser.find(By.cssSelector("#bulk-table tr[data-village-code='" + village + "']"));
    }

    /** Imports the district's desa and waits until budget-service has learnt them (it answers 422 until then). */
    private static void knownToTheLedger(Fixture fixture) {
        String gateway = fixture.gateway();
        Api.Answer imported = Api.send("POST", gateway + "/api/villages/import", fixture.token(Who.ADMIN), CSV,
                "text/csv");
        assertThat(imported.status()).isEqualTo(200);
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String probe = Fixture.program(gateway, officer, 1_000_000L);
        for (String village : KARANGJAMBU) {
            Fixture.allocate(gateway, officer, probe, village, 1L);
        }
        Api.ok("POST", gateway + "/api/budget/programs/" + probe + "/close", officer, null);
    }

    static String rupiah(long amount) {
        return "Rp " + String.format(java.util.Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
