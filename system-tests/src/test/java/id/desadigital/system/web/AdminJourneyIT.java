package id.desadigital.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * The administrator's console in a real headless Chromium: the accounts listed, a village head created for a village
 * looked up by its code (a taken username said next to its field), a password set, the account disabled (and then
 * refused at sign-in); a small area list uploaded with its progress bar run to the end and the import's report, the
 * bad row named by its line.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class AdminJourneyIT {

    /** Rows of a regency of its own, so that the counts are this test's: three good rows, a bad one on line 4. */
    private static final String CSV = """
            code,name,district_code,district_name,regency_code,regency_name,province_code,province_name
            33.96.01.2001,Adminsari,33.96.01,Pengurus,33.96,Kabupaten Uji Admin,33,Jawa Tengah
            33.96.01.2002,Adminrejo,33.96.01,Pengurus,33.96,Kabupaten Uji Admin,33,Jawa Tengah
            33.96.01.20X3,Salahkode,33.96.01,Pengurus,33.96,Kabupaten Uji Admin,33,Jawa Tengah
            33.96.01.1004,Adminwetan,33.96.01,Pengurus,33.96,Kabupaten Uji Admin,33,Jawa Tengah
            """;
    private static final String HEAD = "kades.kedungbenda.baru";

    @Test
    void anAdminCreatesAVillageHeadImportsTheAreaListAndDisablesAnAccount(Browser browser, Fixture fixture)
            throws IOException {
        browser.forgetEverything();
        browser.resize(Browser.DESKTOP);
        browser.consoleErrors();
        WebPages.signInAs(browser, fixture, Who.ADMIN);

        // The accounts: the admin's own marked, with no button to disable itself.
        WebElement own = browser.find(By.id("user-admin"));
        assertThat(own.getText()).contains("Anda", "Administrator", "Aktif");
        assertThat(own.findElements(By.cssSelector(".action-status"))).isEmpty();
        assertThat(browser.find(By.id("user-auditor")).getText()).contains("Auditor");

        // A village head for Kedungbenda: the code is looked up as it is typed.
        assertThat(new Select(browser.find(By.id("u-role"))).getFirstSelectedOption().getText())
                .isEqualTo("Kepala desa");
        browser.find(By.id("u-username")).sendKeys("admin");
        browser.find(By.id("u-password")).sendKeys("kata-sandi-kades-1");
        browser.find(By.id("u-village")).sendKeys(Fixture.VILLAGE_A);
        assertThat(browser.awaitText(By.id("u-village-found"), "Kedungbenda").getText())
                .isEqualTo("Desa Kedungbenda, Kecamatan Kemangkon, Purbalingga");
        browser.find(By.cssSelector("#new-user-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("u-username-error"), "sudah dipakai").getText())
                .isEqualTo("Nama pengguna ini sudah dipakai.");
        assertThat(browser.find(By.id("u-username")).getAttribute("aria-invalid")).isEqualTo("true");
        WebElement username = browser.find(By.id("u-username"));
        username.clear();
        username.sendKeys(HEAD);
        browser.find(By.cssSelector("#new-user-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("new-user-done"), HEAD).getText())
                .isEqualTo("Akun " + HEAD + " (Kepala desa) dibuat.");
        WebElement created = browser.find(By.id("user-" + HEAD));
        assertThat(created.getText()).contains("Kepala desa", Fixture.VILLAGE_A, "Aktif");
        assertThat(Api.signIn(fixture.gateway(), HEAD, "kata-sandi-kades-1")).isNotBlank();

        // A new password, set through the dialog.
        created.findElement(By.cssSelector(".action-password")).click();
        assertThat(browser.find(By.id("password-title")).getText()).isEqualTo("Kata sandi baru untuk " + HEAD);
        browser.find(By.id("p-password")).sendKeys("kata-sandi-kades-2");
        browser.find(By.cssSelector("#password-form button[type=submit]")).click();
        assertThat(browser.awaitText(By.id("users-status"), "diganti").getText())
                .isEqualTo("Kata sandi " + HEAD + " diganti.");
        assertThat(browser.find(By.id("user-" + HEAD)).getText()).contains("Kata sandi diganti");
        assertThat(Api.send("POST", fixture.gateway() + "/api/auth/token", null,
                Map.of("username", HEAD, "password", "kata-sandi-kades-2")).status()).isEqualTo(200);

        // The area list: uploaded with a progress bar to its end, then the report with the rejected line.
        Path file = Files.createTempFile("wilayah-", ".csv");
        Files.writeString(file, CSV, StandardCharsets.UTF_8);
        try {
            browser.find(By.id("import-file")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.cssSelector("#import-form button[type=submit]")).click();
            WebElement report = browser.find(By.id("import-result"));
            assertThat(browser.find(By.id("import-progress")).getAttribute("data-phase")).isEqualTo("finished");
            WebElement bar = browser.find(By.id("import-bar"));
            assertThat(bar.getAttribute("value")).isEqualTo("100");
            assertThat(bar.getAttribute("max")).isEqualTo("100");
            assertThat(bar.getAccessibleName()).startsWith("Selesai: " + file.getFileName());
            assertThat(browser.find(By.cssSelector("#import-created .import-stat-value")).getText()).isEqualTo("3");
            assertThat(browser.find(By.cssSelector("#import-updated .import-stat-value")).getText()).isEqualTo("0");
            assertThat(browser.find(By.cssSelector("#import-unchanged .import-stat-value")).getText()).isEqualTo("0");
            assertThat(browser.find(By.cssSelector("#import-rejected .import-stat-value")).getText()).isEqualTo("1");
            List<WebElement> rejected = report.findElements(By.cssSelector("#rejected tbody tr"));
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).findElements(By.tagName("td")).get(0).getText()).isEqualTo("4");
            assertThat(rejected.get(0).findElements(By.tagName("td")).get(1).getText()).isNotBlank();
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(Api.get(fixture.gateway() + "/api/villages/33.96.01.1004", fixture.token(Who.ADMIN)).json()
                .path("type").asString()).isEqualTo("KELURAHAN");

        // Disabled: the list says so, and the account cannot sign in any more.
        browser.find(By.cssSelector("#user-" + cssId(HEAD) + " .action-status")).click();
        assertThat(browser.awaitText(By.id("users-status"), "dinonaktifkan").getText())
                .startsWith("Akun " + HEAD + " dinonaktifkan");
        WebElement disabled = browser.find(By.id("user-" + HEAD));
        assertThat(disabled.findElement(By.cssSelector(".user-status")).getText()).isEqualTo("Nonaktif");
        assertThat(disabled.findElement(By.cssSelector(".action-status")).getText()).isEqualTo("Aktifkan");
        assertThat(Api.send("POST", fixture.gateway() + "/api/auth/token", null,
                Map.of("username", HEAD, "password", "kata-sandi-kades-2")).status()).isEqualTo(401);

        for (WebElement control : browser.driver().findElements(By.cssSelector("a, button, input, select"))) {
            if (control.isDisplayed()) {
                assertThat(control.getAccessibleName()).as("accessible name of %s", control.getAttribute("outerHTML"))
                        .isNotBlank();
            }
        }
        browser.resize(Browser.PHONE);
        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        browser.resize(Browser.DESKTOP);
        assertThat(browser.consoleErrorsExcept(List.of("/api/auth/users - Failed to load resource"))).isEmpty();
        browser.screenshots("console-admin");
    }

    /** A username as a CSS id selector: dots escaped. */
    private static String cssId(String username) {
        return username.replace(".", "\\.");
    }
}
