package id.desadigital.system.web;

import static id.desadigital.system.support.WebPages.SIGN_IN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import id.desadigital.system.support.Browser;
import id.desadigital.system.support.BrowserExtension;
import id.desadigital.system.support.Fixture;
import id.desadigital.system.support.StackExtension;
import id.desadigital.system.support.WebPages;
import id.desadigital.system.support.Who;

/**
 * The sign-in page in a real headless Chromium: Indonesian first and English on request, remembered; labelled
 * fields; a wrong password said plainly; each role on its own console; the keyboard alone is enough.
 */
@ExtendWith({StackExtension.class, BrowserExtension.class})
class SignInIT {

    /** What Chromium logs for an answer the page expects and handles: a refused sign-in. */
    private static final List<String> REFUSED_SIGN_IN = List.of("/api/auth/token - Failed to load resource");

    @BeforeEach
    void asANewVisitor(Browser browser) {
        browser.forgetEverything();
        browser.resize(Browser.DESKTOP);
        browser.consoleErrors();
    }

    @Test
    void theSignInPageSpeaksIndonesianFirstAndLabelsEveryField(Browser browser) {
        browser.open(SIGN_IN);

        assertThat(browser.documentLanguage()).isEqualTo("id");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Masuk");
        assertThat(browser.driver().getTitle()).isEqualTo("Masuk · Desa Digital");
        assertThat(browser.find(By.id("username")).getAccessibleName()).isEqualTo("Nama pengguna");
        assertThat(browser.find(By.id("password")).getAccessibleName()).isEqualTo("Kata sandi");
        assertThat(browser.find(By.cssSelector("#sign-in-form button[type=submit]")).getAccessibleName())
                .isEqualTo("Masuk");
        assertThat(browser.find(By.id("show-password")).getAccessibleName()).isEqualTo("Tampilkan kata sandi");
        for (WebElement control : browser.driver().findElements(By.cssSelector("a, button, input, select"))) {
            assertThat(control.getAccessibleName()).as("accessible name of %s", control.getAttribute("outerHTML"))
                    .isNotBlank();
        }
        assertThat(browser.find(By.cssSelector(".site-header")).getText()).contains("Desa Digital",
                "Kabupaten Purbalingga");
        browser.resize(Browser.PHONE);
        assertThat(browser.fitsWidth()).as("no sideways scrolling on a phone").isTrue();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshots("sign-in");
    }

    @Test
    void aWrongPasswordIsSaidPlainlyAndEmptyFieldsAreMarked(Browser browser) {
        browser.open(SIGN_IN);
        browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();

        WebElement username = browser.find(By.id("username"));
        assertThat(browser.awaitText(By.id("username-error"), "Wajib diisi.").getText()).isEqualTo("Wajib diisi.");
        assertThat(username.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(username.getAttribute("aria-describedby")).contains("username-error");
        assertThat(browser.find(By.id("password-error")).getText()).isEqualTo("Wajib diisi.");
        assertThat(browser.focused().getAttribute("id")).as("the first field to fix has the focus")
                .isEqualTo("username");

        // An unknown name gets the same answer as a wrong password, and locks no real account.
        WebPages.submitSignIn(browser, "tidak.ada.di.desa", "bukan-kata-sandinya");

        assertThat(browser.awaitText(By.cssSelector(".form-alert"), "salah").getText())
                .isEqualTo("Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.");
        assertThat(browser.find(By.cssSelector(".form-alert")).getAttribute("role")).isEqualTo("alert");
        assertThat(browser.driver().findElements(By.cssSelector(".field-error"))).isEmpty();
        assertThat(browser.path()).isEqualTo(SIGN_IN);
        assertThat(browser.focused().getAttribute("id")).as("ready to type the password again")
                .isEqualTo("password");
        assertThat(browser.consoleErrorsExcept(REFUSED_SIGN_IN)).isEmpty();
        browser.screenshots("sign-in-wrong-password");
    }

    @Test
    void theEnglishSwitchIsRememberedFromPageToPage(Browser browser) {
        browser.open(SIGN_IN);
        WebElement english = browser.find(By.cssSelector(".language-switch [data-language=en]"));
        assertThat(english.getAttribute("aria-pressed")).isEqualTo("false");
        english.click();

        browser.awaitText(By.tagName("h1"), "Sign in");
        assertThat(browser.documentLanguage()).isEqualTo("en");
        assertThat(browser.find(By.cssSelector("label[for=username]")).getText()).isEqualTo("Username");
        assertThat(browser.find(By.cssSelector(".language-switch [data-language=en]")).getAttribute("aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.focused().getAttribute("data-language")).as("the keyboard stays on the switch")
                .isEqualTo("en");
        browser.screenshots("sign-in-en");

        browser.driver().navigate().refresh();
        browser.awaitReady();
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Sign in");
        browser.open(WebPages.PORTAL);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Village digitalization funds: realization");
        assertThat(browser.documentLanguage()).isEqualTo("en");

        browser.find(By.cssSelector(".language-switch [data-language=id]")).click();
        browser.awaitText(By.tagName("h1"), "Realisasi dana digitalisasi desa");
        assertThat(browser.documentLanguage()).isEqualTo("id");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Who.class, names = {"FINANCE_OFFICER", "HEAD_OWN", "AUDITOR", "ADMIN"})
    void eachRoleLandsOnItsOwnConsoleAndSignsOut(Who who, Browser browser, Fixture fixture) {
        WebPages.signInAs(browser, fixture, who);

        String console = WebPages.consoleOf(who);
        String heading = switch (who) {
            case FINANCE_OFFICER -> "Konsol petugas keuangan";
            case HEAD_OWN -> "Konsol kepala desa";
            case AUDITOR -> "Konsol auditor";
            default -> "Konsol administrator";
        };
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo(heading);
        assertThat(browser.find(By.cssSelector(".site-nav a[aria-current=page]")).getText()).isEqualTo(heading);
        assertThat(browser.find(By.id("console-greeting")).getText()).contains(fixture.username(who));
        if (who == Who.HEAD_OWN) {
            assertThat(browser.awaitText(By.id("console-greeting"), "Kedungbenda").getText())
                    .contains("Desa Kedungbenda, Kecamatan Kemangkon");
        }

        WebPages.signOut(browser);
        assertThat(browser.find(By.cssSelector("#sign-in-status .alert")).getText()).isEqualTo("Anda telah keluar.");
        browser.open(console);
        browser.awaitPage(SIGN_IN);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aConsoleSendsAVisitorToSignInAndBackAndKeepsOtherRolesOut(Browser browser, Fixture fixture) {
        browser.open("/auditor.html");
        browser.awaitPage(SIGN_IN);
        assertThat(browser.find(By.cssSelector("#sign-in-status .alert")).getText())
                .isEqualTo("Silakan masuk untuk membuka halaman itu.");

        WebPages.submitSignIn(browser, fixture.username(Who.AUDITOR), WebPages.passwordOf(fixture, Who.AUDITOR));
        browser.awaitPage("/auditor.html");

        browser.open("/officer.html");
        browser.awaitPage("/auditor.html");
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theKeyboardAloneSignsIn(Browser browser, Fixture fixture) {
        browser.open(SIGN_IN);
        Actions keys = new Actions(browser.driver());

        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused().getText()).as("the first stop skips to the content")
                .isEqualTo("Langsung ke isi utama");
        List<String> stops = new ArrayList<>();
        for (int i = 0; i < 10 && !"username".equals(browser.focused().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
            stops.add(describe(browser.focused()));
        }
        assertThat(stops).as("from the top to the form: brand, language, portal, then the form")
                .containsExactly("a:Desa Digital Kabupaten Purbalingga", "button:Bahasa Indonesia",
                        "button:English", "a:Portal publik", "input:username");

        browser.focused().sendKeys(fixture.username(Who.FINANCE_OFFICER));
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
        browser.focused().sendKeys(WebPages.passwordOf(fixture, Who.FINANCE_OFFICER));
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("show-password");
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.focused().getAttribute("type")).isEqualTo("submit");
        keys.keyDown(Keys.SHIFT).sendKeys(Keys.TAB).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("password");
        keys.sendKeys(Keys.ENTER).perform();

        browser.awaitPage(WebPages.consoleOf(Who.FINANCE_OFFICER));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private static String describe(WebElement element) {
        String tag = element.getTagName();
        return tag + ":" + ("input".equals(tag) ? element.getAttribute("id") : element.getAccessibleName());
    }
}
