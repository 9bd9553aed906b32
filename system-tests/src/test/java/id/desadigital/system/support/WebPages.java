package id.desadigital.system.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The web pages as the browser tests meet them: where each role works, and signing in and out through the pages
 * themselves (the sign-in form, the header's button), as a person does.
 */
public final class WebPages {

    public static final String PORTAL = "/";
    public static final String SIGN_IN = "/sign-in.html";

    private WebPages() {
    }

    /** The console a role lands on after signing in (session.js CONSOLES). */
    public static String consoleOf(Who who) {
        return switch (who) {
            case ADMIN -> "/admin.html";
            case FINANCE_OFFICER -> "/officer.html";
            case HEAD_OWN, HEAD_OTHER -> "/village-head.html";
            case AUDITOR -> "/auditor.html";
            case ANONYMOUS -> PORTAL;
        };
    }

    public static String passwordOf(Fixture fixture, Who who) {
        return who == Who.ADMIN ? RunningStack.ADMIN_PASSWORD : Fixture.password(fixture.username(who));
    }

    /** Fills the sign-in form (opening the page unless it is shown) and sends it; does not wait for what follows. */
    public static void submitSignIn(Browser browser, String username, String password) {
        if (!browser.path().equals(SIGN_IN)) {
            browser.open(SIGN_IN);
        }
        WebElement user = browser.find(By.id("username"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = browser.find(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        browser.find(By.cssSelector("#sign-in-form button[type=submit]")).click();
    }

    /** Signs in as one of the fixture's users and waits for their console. */
    public static void signInAs(Browser browser, Fixture fixture, Who who) {
        submitSignIn(browser, fixture.username(who), passwordOf(fixture, who));
        browser.awaitPage(consoleOf(who));
    }

    /** Signs out with the header's button and waits for the sign-in page. */
    public static void signOut(Browser browser) {
        browser.find(By.cssSelector(".site-header .account button")).click();
        browser.awaitPage(SIGN_IN);
    }
}
