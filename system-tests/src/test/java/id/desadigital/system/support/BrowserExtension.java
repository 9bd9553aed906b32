package id.desadigital.system.support;

import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a browser test class its {@link Browser}: one headless Chromium for the whole class, pointed at the running
 * stack ({@link StackExtension}), closed after the class. Where no Chromium and ChromeDriver are installed the class
 * is skipped, with a message that says how to install them; CI installs them (.ci/run), so there it always runs.
 */
public final class BrowserExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);
    private static final String UNAVAILABLE = "unavailable";

    /**
     * Without a browser, no stack is started for the class, and the reason is printed once per class: a class
     * skipped as a whole shows in Maven's summary as no test at all, each test skipped shows as skipped.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Optional<String> unavailable = Browser.unavailable();
        if (unavailable.isPresent()) {
            System.err.println("[WARNING] " + context.getRequiredTestClass().getSimpleName() + " skipped. "
                    + unavailable.get());
            context.getStore(NAMESPACE).put(UNAVAILABLE, unavailable.get());
            return;
        }
        RunningStack stack = StackExtension.stack(context);
        context.getStore(NAMESPACE).put(Browser.class, Browser.start(stack.gateway()));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        String unavailable = context.getStore(NAMESPACE).get(UNAVAILABLE, String.class);
        Assumptions.assumeTrue(unavailable == null, () -> unavailable);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Browser browser = context.getStore(NAMESPACE).remove(Browser.class, Browser.class);
        if (browser != null) {
            browser.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // Stores are read through to the class's, where beforeAll put the browser.
        return context.getStore(NAMESPACE).get(Browser.class, Browser.class);
    }
}
