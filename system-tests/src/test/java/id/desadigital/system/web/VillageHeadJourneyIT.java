package id.desadigital.system.web;

import static id.desadigital.system.support.Fixture.FISCAL_YEAR;
import static id.desadigital.system.support.Fixture.VILLAGE_A;
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

/**
 * The village head's console on a phone, end to end in a real headless Chromium: the village's allocation, a wrong
 * amount refused by the page with nothing sent, the server's refusal of more than what is left said plainly, spending
 * up to the exact remaining amount, a reversal giving the amount back, and a second reversal explained.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class VillageHeadJourneyIT {

    private static final String PROGRAM = "Internet dan situs web desa";
    /** Expected refusals the page shows (Chromium logs each refused request as an error). */
    private static final List<String> REFUSED = List.of("/spending - Failed to load resource",
            "/reversal - Failed to load resource");

    @Test
    void aVillageHeadReportsAndReversesSpendingFromAPhone(Browser browser, Fixture fixture) {
        String gateway = fixture.gateway();
        String officer = fixture.token(Who.FINANCE_OFFICER);
        String head = fixture.token(Who.HEAD_OWN);
        String programId = Api.ok("POST", gateway + "/api/budget/programs", officer, Map.of("fiscalYear", FISCAL_YEAR,
                "name", PROGRAM, "ceiling", 250_000_000L, "fundingSource", "ADD", "activityCode", "1.4.09"))
                .path("id").asString();
        String allocationId = Fixture.allocate(gateway, officer, programId, VILLAGE_A, 5_000_000L);
        browser.forgetEverything();
        browser.resize(Browser.PHONE);
        browser.consoleErrors();

        WebPages.signInAs(browser, fixture, Who.HEAD_OWN);
        if (Year.now().getValue() != FISCAL_YEAR) {
            browser.open("/village-head.html?fiscalYear=" + FISCAL_YEAR);
        }
        WebElement card = card(browser, allocationId);
        assertThat(card.getText()).contains(PROGRAM, "Alokasi Dana Desa");
        assertThat(card.findElement(By.cssSelector(".amount")).getText()).isEqualTo("Rp 5.000.000");
        assertThat(card.findElement(By.cssSelector(".remaining")).getText()).isEqualTo("Rp 5.000.000");

        // A wrong amount and empty fields: said at each field, and nothing is sent.
        card.findElement(By.cssSelector(".report-here")).click();
        assertThat(new Select(browser.find(By.id("spend-allocation"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo(allocationId);
        assertThat(browser.find(By.id("spend-allocation-hint")).getText())
                .isEqualTo("Sisa alokasi yang dapat dibelanjakan: Rp 5.000.000.");
        browser.find(By.id("spend-amount")).sendKeys("1.250.000,50");
        submit(browser);
        assertThat(browser.awaitText(By.id("spend-amount-error"), "rupiah utuh").getText())
                .isEqualTo("Tulis jumlah rupiah utuh lebih dari nol, misalnya 1.250.000 (tanpa sen, tanpa koma).");
        assertThat(browser.find(By.id("spend-date-error")).getText()).isEqualTo("Wajib diisi.");
        assertThat(browser.find(By.id("spend-description-error")).getText()).isEqualTo("Wajib diisi.");
        assertThat(browser.find(By.cssSelector("#spend-form .form-alert")).getText())
                .isEqualTo("Periksa isian yang ditandai.");
        assertThat(browser.focused().getAttribute("id")).isEqualTo("spend-amount");
        browser.screenshots("village-head-validation");
        type(browser, "spend-amount", "5.000.001");
        submit(browser);
        assertThat(browser.awaitText(By.id("spend-amount-error"), "melebihi").getText())
                .isEqualTo("Jumlah melebihi sisa alokasi: paling banyak Rp 5.000.000.");
        assertThat(spent(gateway, head, allocationId)).as("nothing was sent").isZero();

        // Meanwhile the village's own system records Rp 1 on the allocation: the page's remaining amount is now one
        // rupiah too much, and the server's refusal is said plainly, with what is left now.
        String systemSpending = Fixture.spend(gateway, head, allocationId, 1L);
        type(browser, "spend-amount", "5.000.000");
        fillReceipt(browser);
        submit(browser);
        assertThat(browser.awaitText(By.id("spend-amount-error"), "melebihi").getText())
                .isEqualTo("Jumlah melebihi sisa alokasi: paling banyak Rp 4.999.999.");
        assertThat(browser.find(By.cssSelector("#spend-form .form-alert")).getText())
                .contains("Belanja ditolak: jumlahnya melebihi sisa alokasi. Sisa alokasi saat ini Rp 4.999.999.");
        assertThat(spent(gateway, head, allocationId)).isEqualTo(1L);

        // Exactly what is left.
        type(browser, "spend-amount", "4.999.999");
        submit(browser);
        browser.awaitText(By.id("spend-message"), "tercatat");
        assertThat(browser.find(By.id("spend-message")).getText()).isEqualTo(
                "Belanja Rp 4.999.999 untuk \"Langganan internet kantor desa\" tercatat. Sisa alokasi Rp 0.");
        assertThat(spent(gateway, head, allocationId)).isEqualTo(5_000_000L);
        card = card(browser, allocationId);
        assertThat(card.findElement(By.cssSelector(".remaining")).getText()).isEqualTo("Rp 0");
        WebElement recorded = spendingItem(browser, "Langganan internet kantor desa");
        assertThat(recorded.getText()).contains("Rp 4.999.999", "14 Mar 2026", "Konektivitas internet",
                "PT Telkom Indonesia", "KW-2026-031", "Tercatat");

        // One rupiah more: the page says nothing is left, and sends nothing.
        type(browser, "spend-amount", "1");
        fillReceipt(browser);
        submit(browser);
        assertThat(browser.awaitText(By.id("spend-amount-error"), "habis").getText())
                .isEqualTo("Alokasi ini sudah habis dibelanjakan: tidak ada sisa untuk dilaporkan.");
        assertThat(spent(gateway, head, allocationId)).isEqualTo(5_000_000L);

        // A reversal, after a confirmation: the amount is back.
        recorded.findElement(By.cssSelector(".reverse-start")).click();
        browser.find(By.cssSelector(".reverse-form input[name=reason]")).sendKeys("Kuitansi tercatat dua kali");
        browser.find(By.cssSelector(".reverse-form button[type=submit]")).click();
        browser.awaitText(By.id("spending-message"), "dibatalkan");
        assertThat(browser.find(By.id("spending-message")).getText())
                .isEqualTo("Belanja Rp 4.999.999 dibatalkan; jumlahnya kembali ke sisa alokasi.");
        assertThat(card(browser, allocationId).findElement(By.cssSelector(".remaining")).getText())
                .isEqualTo("Rp 4.999.999");
        assertThat(spendingItem(browser, "Langganan internet kantor desa").getText())
                .contains("Dibatalkan", "Kuitansi tercatat dua kali");
        assertThat(spent(gateway, head, allocationId)).isEqualTo(1L);

        // A spending already reversed elsewhere: the page's second reversal is refused, and says why.
        Api.ok("POST", gateway + "/api/budget/spending/" + systemSpending + "/reversal", head,
                Map.of("reason", "dibatalkan dari sistem desa"));
        WebElement system = browser.find(By.cssSelector(".spending-item[data-spending-id='" + systemSpending + "']"));
        system.findElement(By.cssSelector(".reverse-start")).click();
        browser.find(By.cssSelector(".reverse-form input[name=reason]")).sendKeys("Salah catat");
        browser.find(By.cssSelector(".reverse-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("spending-message"), "sudah dibatalkan").getText())
                .contains("Belanja ini sudah dibatalkan sebelumnya; tidak ada yang berubah.");
        assertThat(browser.find(By.cssSelector(".spending-item[data-spending-id='" + systemSpending + "']"))
                .getText()).contains("Dibatalkan");
        assertThat(card(browser, allocationId).findElement(By.cssSelector(".remaining")).getText())
                .isEqualTo("Rp 5.000.000");

        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        browser.screenshots("village-head");
        assertThat(browser.consoleErrorsExcept(REFUSED)).isEmpty();
    }

    private static WebElement card(Browser browser, String allocationId) {
        return browser.find(By.cssSelector(".allocation-card[data-allocation-id='" + allocationId + "']"));
    }

    private static WebElement spendingItem(Browser browser, String description) {
        return browser.find(By.xpath("//li[contains(@class,'spending-item')][.//span[contains(@class,'row-name') and "
                + "normalize-space()='" + description + "']]"));
    }

    private static void fillReceipt(Browser browser) {
        browser.script("const d = document.getElementById('spend-date'); d.value = arguments[0];"
                + "d.dispatchEvent(new Event('input', {bubbles: true}));", FISCAL_YEAR + "-03-14");
        new Select(browser.find(By.id("spend-category"))).selectByValue("CONNECTIVITY");
        type(browser, "spend-description", "Langganan internet kantor desa");
        type(browser, "spend-vendor", "PT Telkom Indonesia");
        type(browser, "spend-receipt", "KW-2026-031");
    }

    private static void type(Browser browser, String id, String text) {
        WebElement field = browser.find(By.id(id));
        // What was typed before is emptied as a reader selecting it would; then typed key by key.
        browser.script("arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
                field);
        field.sendKeys(text);
        assertThat(field.getDomProperty("value")).as("what %s holds", id).isEqualTo(text);
    }

    private static void submit(Browser browser) {
        browser.find(By.cssSelector("#spend-form button[type=submit]")).click();
    }

    private static long spent(String gateway, String head, String allocationId) {
        return Api.ok("GET", gateway + "/api/budget/allocations/" + allocationId, head, null).path("spent").asLong();
    }
}
