package id.desadigital.system.web;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

import id.desadigital.system.support.Api;
import id.desadigital.system.support.Browser;
import id.desadigital.system.support.BrowserExtension;
import id.desadigital.system.support.DemoData;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.WebPages;
import id.desadigital.system.support.Who;
import tools.jackson.databind.JsonNode;

/**
 * The public portal at / in a real headless Chromium, without signing in: the current fiscal year, another one
 * picked, rupiah and dates written the Indonesian way, the chart drawn by ECharts under the Content-Security-Policy;
 * and the pages' formatting helpers themselves.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class PortalIT {

    private static final String RUPIAH = "Rp \\d{1,3}(\\.\\d{3})*";

    @BeforeEach
    void asANewVisitor(Browser browser) {
        browser.forgetEverything();
        browser.resize(Browser.DESKTOP);
        browser.consoleErrors();
    }

    @Test
    void thePortalShowsTheCurrentYearInRupiahTheIndonesianWay(Browser browser, Fixture fixture) {
        DemoData.forScreenshots(fixture);
        browser.open(WebPages.PORTAL);
        Select year = new Select(browser.find(By.id("fiscal-year")));
        assertThat(year.getFirstSelectedOption().getText()).isEqualTo(Year.now().toString());
        assertThat(browser.find(By.id("portal-lead")).getText())
                .isEqualTo("Kabupaten Purbalingga · Tahun anggaran " + Year.now());
        assertThat(browser.find(By.id("portal-asof")).getText()).startsWith("Data per "
                + LocalDate.now().format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id"))));

        if (Year.now().getValue() != FISCAL_YEAR) {
            year.selectByValue(Integer.toString(FISCAL_YEAR));
        }
        // The public figures may be up to a minute old (PUBLIC_REPORT_CACHE_TTL): the page and this test read the
        // same kept answer, unless it was renewed between the two reads, so they are compared until they agree.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonNode rows = Api.ok("GET", fixture.gateway() + "/api/public/realization?fiscalYear=" + FISCAL_YEAR
                    + "&groupBy=district&regencyCode=33.03", null, null);
            long allocated = 0;
            long spent = 0;
            for (JsonNode row : rows) {
                allocated += row.path("allocated").asLong();
                spent += row.path("spent").asLong();
            }
            browser.open("/?fiscalYear=" + FISCAL_YEAR);
            assertThat(browser.find(By.id("total-allocated")).getText()).isEqualTo(rupiah(allocated));
            assertThat(browser.find(By.id("total-spent")).getText()).isEqualTo(rupiah(spent));
        });
        WebElement kemangkon = browser.find(By.xpath("//table//tbody//tr[th[normalize-space()='Kemangkon']]"));
        assertThat(kemangkon.findElements(By.cssSelector("td")).get(0).getText()).matches(RUPIAH);
        assertThat(kemangkon.findElements(By.cssSelector("td")).get(2).getText()).matches("\\d{1,3},\\d %");
        assertThat(browser.find(By.id("total-rate")).getText()).matches("\\d{1,3},\\d %");
        assertThat(browser.find(By.cssSelector("#district-chart canvas")).isDisplayed()).isTrue();
        assertThat(browser.consoleErrors()).as("no script error, no refusal by the Content-Security-Policy").isEmpty();

        WebElement chart = browser.find(By.id("district-chart"));
        browser.script("arguments[0].scrollIntoView({block: 'center'});", chart);
        new Actions(browser.driver()).moveToElement(chart).perform();
        assertThat(browser.awaitText(By.cssSelector(".chart-tip"), "Rp").getText()).containsPattern(RUPIAH);
        assertThat(browser.consoleErrors()).as("ECharts' tooltip under the Content-Security-Policy").isEmpty();

        browser.resize(Browser.PHONE);
        // The chart follows a narrower window on its next frame.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue());
        browser.screenshots("portal");
    }

    @Test
    void anotherYearCanBePickedAndAYearWithoutMoneySaysSo(Browser browser) {
        browser.open("/?fiscalYear=" + FISCAL_YEAR);
        int empty = FISCAL_YEAR - 3;

        new Select(browser.find(By.id("fiscal-year"))).selectByValue(Integer.toString(empty));

        assertThat(browser.awaitText(By.id("district-table"), "Belum ada").getText())
                .isEqualTo("Belum ada dana yang dialokasikan untuk tahun anggaran " + empty + ".");
        assertThat(browser.driver().getCurrentUrl()).endsWith("/?fiscalYear=" + empty);
        assertThat(browser.find(By.id("total-allocated")).getText()).isEqualTo("Rp 0");
        assertThat(browser.find(By.id("total-rate")).getText()).isEqualTo("—");
        assertThat(browser.driver().findElement(By.id("portal-charts")).isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void amountsStayIndonesianInEnglishWhileTheWordsChange(Browser browser, Fixture fixture) {
        DemoData.forScreenshots(fixture);
        browser.open("/?fiscalYear=" + FISCAL_YEAR);
        String allocated = browser.find(By.id("total-allocated")).getText();

        browser.find(By.cssSelector(".language-switch [data-language=en]")).click();

        browser.awaitText(By.id("portal-lead"), "Fiscal year " + FISCAL_YEAR);
        assertThat(browser.find(By.id("total-allocated")).getText()).isEqualTo(allocated).matches(RUPIAH);
        assertThat(browser.find(By.id("total-rate")).getText()).matches("\\d{1,3}\\.\\d%");
        assertThat(browser.find(By.cssSelector("#district-table thead")).getText()).contains("ALLOCATED");
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshots("portal-en");
    }

    /** A village of its own in Kemangkon, so that no other test's writes change what this one reads. */
    private static final String VILLAGE = "33.03.01.2950";
    private static final String VILLAGE_NAME = "Mekarsari Lor";
    private static final String PROGRAM_NAME = "Jaringan internet desa";

    /**
     * The public journey: a citizen picks the year, opens a district's villages, finds a village by its name, opens
     * its page and reads what it was allocated and how it was spent, with receipt numbers and a reversed spending
     * marked as reversed, in Indonesian; the English switch changes the words and not the figures; an unknown or
     * malformed village code says so.
     */
    @Test
    void aCitizenFindsAVillageAndReadsItsAllocationsAndSpending(Browser browser, Fixture fixture) {
        DemoData.forScreenshots(fixture);
        String gateway = fixture.gateway();
        villageWithSpending(fixture);

        browser.open(WebPages.PORTAL);
        Select year = new Select(browser.find(By.id("fiscal-year")));
        year.selectByValue(Integer.toString(FISCAL_YEAR - 1));
        browser.awaitText(By.id("portal-lead"), Integer.toString(FISCAL_YEAR - 1));
        year.selectByValue(Integer.toString(FISCAL_YEAR));
        browser.awaitText(By.id("portal-lead"), "Tahun anggaran " + FISCAL_YEAR);

        WebElement kemangkon = browser.find(By.xpath("//*[@id='district-table']//tbody//a[normalize-space()='Kemangkon']"));
        assertThat(kemangkon.getAttribute("aria-expanded")).isEqualTo("false");
        kemangkon.sendKeys(Keys.ENTER);
        browser.awaitText(By.id("district-title"), "Desa di Kecamatan Kemangkon");
        assertThat(browser.driver().getCurrentUrl()).contains("fiscalYear=" + FISCAL_YEAR).contains("district=33.03.01");
        assertThat(browser.focused().getAttribute("id")).as("the keyboard follows to the villages").isEqualTo("district-title");
        WebElement row = browser.find(By.xpath(
                "//*[@id='village-table']//tbody/tr[th[normalize-space()='" + VILLAGE_NAME + "']]"));
        assertThat(row.findElements(By.cssSelector("td")).get(0).getText()).isEqualTo("Rp 25.000.000");
        assertThat(row.findElements(By.cssSelector("td")).get(1).getText()).isEqualTo("Rp 1.400.000");
        assertThat(row.findElements(By.cssSelector("td")).get(2).getText()).isEqualTo("5,6 %");
        assertThat(browser.find(By.cssSelector("#village-chart canvas")).isDisplayed()).isTrue();
        assertThat(browser.find(By.xpath("//*[@id='district-table']//a[normalize-space()='Kemangkon']"))
                .getAttribute("aria-expanded")).isEqualTo("true");
        browser.screenshots("portal-district");

        WebElement search = browser.find(By.id("village-q"));
        assertThat(browser.find(By.cssSelector("label[for=village-q]")).getText()).isEqualTo("Nama desa atau kelurahan");
        search.sendKeys("mekarsari", Keys.ENTER);
        WebElement result = browser.find(By.xpath("//*[@id='village-results']//a[contains(., '" + VILLAGE_NAME + "')]"));
        assertThat(result.getText()).contains("Kec. Kemangkon");
        assertThat(browser.find(By.id("search-status")).getText()).contains("ditemukan untuk “mekarsari”");
        result.sendKeys(Keys.ENTER);

        browser.awaitPage("/village.html");
        assertThat(browser.driver().getCurrentUrl()).contains("code=" + VILLAGE).contains("fiscalYear=" + FISCAL_YEAR);
        assertThat(browser.awaitText(By.id("village-name"), VILLAGE_NAME).getText()).isEqualTo(VILLAGE_NAME);
        assertThat(browser.find(By.id("village-area")).getText()).startsWith("Kecamatan Kemangkon · Kabupaten Purbalingga");
        assertThat(new Select(browser.find(By.id("fiscal-year"))).getFirstSelectedOption().getText())
                .isEqualTo(Integer.toString(FISCAL_YEAR));
        assertThat(browser.find(By.id("village-allocated")).getText()).isEqualTo("Rp 25.000.000");
        assertThat(browser.find(By.id("village-spent")).getText()).isEqualTo("Rp 1.400.000");
        assertThat(browser.find(By.id("village-remaining")).getText()).isEqualTo("Rp 23.600.000");
        assertThat(browser.find(By.id("village-rate")).getText()).isEqualTo("5,6 %");
        WebElement allocation = browser.find(By.xpath(
                "//*[@id='allocations-table']//tbody/tr[th[normalize-space()='" + PROGRAM_NAME + "']]"));
        assertThat(allocation.findElements(By.cssSelector("td"))).extracting(WebElement::getText)
                .containsExactly("Dana Desa", "1.4.08", "Rp 25.000.000", "Rp 1.400.000", "Rp 23.600.000");
        WebElement recorded = spendingRow(browser, "KW/2026/0417");
        assertThat(recorded.getText()).contains("Modem dan antena internet balai desa", "CV Sinar Jaya",
                "17 Mar 2026", "Konektivitas internet", "Rp 1.400.000", "Tercatat");
        assertThat(recorded.getAttribute("class")).doesNotContain("is-reversed");
        WebElement reversed = spendingRow(browser, "KW/2026/0418");
        assertThat(reversed.getAttribute("class")).contains("is-reversed");
        assertThat(reversed.findElement(By.cssSelector(".tag")).getText()).isEqualTo("Dibatalkan");
        assertThat(reversed.findElement(By.cssSelector("td.num del")).getText()).as("struck through")
                .isEqualTo("Rp 350.000");
        assertThat(browser.find(By.id("back-link")).getAttribute("href")).endsWith("/?fiscalYear=" + FISCAL_YEAR);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.resize(Browser.PHONE);
        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        browser.resize(Browser.DESKTOP);
        browser.screenshots("village");

        browser.find(By.cssSelector(".language-switch [data-language=en]")).click();
        browser.awaitText(By.id("allocations-title"), "Allocations");
        assertThat(browser.find(By.id("village-area")).getText()).startsWith("Kemangkon district");
        assertThat(spendingRow(browser, "KW/2026/0418").findElement(By.cssSelector(".tag")).getText())
                .isEqualTo("Reversed");
        assertThat(browser.find(By.id("village-spent")).getText()).isEqualTo("Rp 1.400.000");
        assertThat(browser.find(By.id("village-rate")).getText()).isEqualTo("5.6%");
        browser.screenshots("village-en");
        browser.find(By.cssSelector(".language-switch [data-language=id]")).click();
        browser.awaitText(By.id("allocations-title"), "Alokasi");

        browser.open("/village.html?code=33.03.01.2999&fiscalYear=" + FISCAL_YEAR);
        assertThat(browser.awaitText(By.id("village-missing"), "tidak ditemukan").getText())
                .contains("Tidak ada desa atau kelurahan dengan kode 33.03.01.2999");
        assertThat(browser.find(By.id("village-name")).getText()).isEqualTo("Desa tidak ditemukan");
        assertThat(browser.driver().findElement(By.id("village-content")).isDisplayed()).isFalse();
        browser.open("/village.html?code=33-03&fiscalYear=" + FISCAL_YEAR);
        assertThat(browser.awaitText(By.id("village-missing"), "NN.NN.NN.NNNN").isDisplayed()).isTrue();
        assertThat(browser.consoleErrorsExcept(List.of("404"))).isEmpty();
    }

    private static WebElement spendingRow(Browser browser, String receiptNo) {
        return browser.find(By.xpath("//*[@id='spending-table']//tbody/tr[td[normalize-space()='" + receiptNo + "']]"));
    }

    /**
     * Through the API: the village, a program, an allocation of Rp 25.000.000, a spending of Rp 1.400.000 and one of
     * Rp 350.000 that its head reversed; then waits for the public figures (kept up to a minute) to show them.
     */
    private static void villageWithSpending(Fixture fixture) {
        String gateway = fixture.gateway();
        String admin = fixture.token(Who.ADMIN);
        String officer = fixture.token(Who.FINANCE_OFFICER);
        Api.Answer imported = Api.send("POST", gateway + "/api/villages/import", admin, """
                code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
                %s,%s,33.03.01,Kemangkon,33.03,Kabupaten Purbalingga,33,Jawa Tengah
                """.formatted(VILLAGE, VILLAGE_NAME), "text/csv");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        String program = Api.ok("POST", gateway + "/api/budget/programs", officer, Map.of("fiscalYear", FISCAL_YEAR,
                "name", PROGRAM_NAME, "ceiling", 500_000_000L, "fundingSource", "DDS", "activityCode", "1.4.08"))
                .path("id").asString();
        String allocation = Fixture.allocate(gateway, officer, program, VILLAGE, 25_000_000L);
        String username = "kades.portal";
        Api.ok("POST", gateway + "/api/auth/users", admin, Map.of("username", username,
                "password", Fixture.password(username), "role", "VILLAGE_HEAD", "villageCode", VILLAGE));
        String head = Api.signIn(gateway, username, Fixture.password(username));
        String spending = gateway + "/api/budget/allocations/" + allocation + "/spending";
        Api.ok("POST", spending, head, Map.of("amount", 1_400_000L, "spentOn", FISCAL_YEAR + "-03-17",
                "category", "CONNECTIVITY", "description", "Modem dan antena internet balai desa",
                "vendor", "CV Sinar Jaya", "receiptNo", "KW/2026/0417"));
        String wrong = Api.ok("POST", spending, head, Map.of("amount", 350_000L, "spentOn", FISCAL_YEAR + "-03-18",
                "category", "HARDWARE", "description", "Kabel jaringan (tercatat dua kali)",
                "vendor", "CV Sinar Jaya", "receiptNo", "KW/2026/0418")).path("id").asString();
        Api.ok("POST", gateway + "/api/budget/spending/" + wrong + "/reversal", head,
                Map.of("reason", "Tercatat dua kali"));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            JsonNode villages = Api.ok("GET", gateway + "/api/public/realization?fiscalYear=" + FISCAL_YEAR
                    + "&groupBy=village&districtCode=33.03.01", null, null);
            JsonNode budget = Api.ok("GET", gateway + "/api/public/villages/" + VILLAGE + "/budget?fiscalYear="
                    + FISCAL_YEAR, null, null);
            boolean listed = false;
            for (JsonNode row : villages) {
                listed |= row.path("key").asString().equals(VILLAGE) && row.path("spent").asLong() == 1_400_000L;
            }
            return listed && budget.path("spending").size() == 2 && budget.path("spent").asLong() == 1_400_000L;
        });
    }

    /** format.js itself, in the browser that runs it: money, rates, dates and typed amounts in both languages. */
    @Test
    void theFormattingHelpersWriteFiguresTheIndonesianWay(Browser browser) {
        browser.open(WebPages.PORTAL);
        Map<String, Object> results = browser.asyncScript("""
                const done = arguments[arguments.length - 1];
                Promise.all([import('/assets/js/format.js'), import('/assets/js/i18n.js')]).then(([f, i18n]) => {
                  const sample = () => ({
                    rupiah: f.rupiah(1400000000), zero: f.rupiah(0), negative: f.rupiah(-5000),
                    big: f.rupiah('10000000000000'), bigint: f.rupiah(12345678901234567890n),
                    fraction: f.rupiah(1.5), none: f.rupiah(null),
                    percent: f.percent(0.875), rateNull: f.percent(null),
                    date: f.date('2026-11-29'), short: f.date('2026-08-17', 'short'),
                    newYear: f.date('2027-01-01'), short2: f.rupiahShort(1400000000),
                    parsed: f.parseRupiah('Rp 1.400.000'), plain: f.parseRupiah('1400000'),
                    commas: f.parseRupiah('1,400,000'), decimal: f.parseRupiah('1.400,50'),
                    odd: f.parseRupiah('1,5'), text: f.parseRupiah('satu juta'),
                  });
                  const id = sample();
                  i18n.setLanguage('en');
                  const en = sample();
                  i18n.setLanguage('id');
                  done({ id, en });
                });
                """);
        @SuppressWarnings("unchecked")
        Map<String, Object> id = (Map<String, Object>) results.get("id");
        @SuppressWarnings("unchecked")
        Map<String, Object> en = (Map<String, Object>) results.get("en");
        String nbsp = "\u00a0";
        assertThat(id).containsEntry("rupiah", "Rp" + nbsp + "1.400.000.000")
                .containsEntry("zero", "Rp" + nbsp + "0")
                .containsEntry("negative", "-Rp" + nbsp + "5.000")
                .containsEntry("big", "Rp" + nbsp + "10.000.000.000.000")
                .containsEntry("bigint", "Rp" + nbsp + "12.345.678.901.234.567.890")
                .containsEntry("fraction", "—")
                .containsEntry("none", "—")
                .containsEntry("percent", "87,5" + nbsp + "%")
                .containsEntry("rateNull", "—")
                .containsEntry("date", "29 November 2026")
                .containsEntry("short", "17 Agu 2026")
                .containsEntry("newYear", "1 Januari 2027")
                .containsEntry("short2", "Rp" + nbsp + "1,4" + nbsp + "M")
                .containsEntry("parsed", 1_400_000L)
                .containsEntry("plain", 1_400_000L)
                .containsEntry("commas", 1_400_000L)
                .containsEntry("decimal", null)
                .containsEntry("odd", null)
                .containsEntry("text", null);
        assertThat(en).containsEntry("rupiah", "Rp" + nbsp + "1.400.000.000")
                .containsEntry("percent", "87.5%")
                .containsEntry("date", "29 November 2026")
                .containsEntry("short", "17 Aug 2026")
                .containsEntry("short2", "Rp" + nbsp + "1.4B");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String rupiah(long amount) {
        return "Rp " + String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
    }
}
