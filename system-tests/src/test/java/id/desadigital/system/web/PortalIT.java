package id.desadigital.system.web;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
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

        new Actions(browser.driver()).moveToElement(browser.find(By.id("district-chart"))).perform();
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
