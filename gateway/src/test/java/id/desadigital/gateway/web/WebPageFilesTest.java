package id.desadigital.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What every file of the web pages must hold to, read from the sources: nothing the Content-Security-Policy would
 * refuse (inline scripts, event handler attributes, style elements or attributes), nothing from another host, and
 * each page built on the shared layout. A page added by hand is checked the moment it exists.
 */
class WebPageFilesTest {

    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern STYLE_ATTRIBUTE = Pattern.compile("\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern HANDLER_ATTRIBUTE = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_HOST = Pattern.compile("(https?:)?//[a-z0-9.-]+\\.[a-z]{2,}",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL_IN_CODE = Pattern.compile("(fetch|import|url)\\s*\\(\\s*['\"]?(https?:)?//",
            Pattern.CASE_INSENSITIVE);

    @Test
    void pagesHoldNothingThePolicyRefusesAndFollowTheLayout() throws IOException {
        List<Path> pages = files(".html");
        assertThat(pages).extracting(page -> page.getFileName().toString()).contains("index.html", "sign-in.html",
                "officer.html", "village-head.html", "auditor.html", "admin.html", "village.html");
        for (Path page : pages) {
            String html = Files.readString(page);
            assertThat(INLINE_SCRIPT.matcher(html).find()).as("%s: an inline script", page).isFalse();
            assertThat(STYLE_ELEMENT.matcher(html).find()).as("%s: a <style> element", page).isFalse();
            assertThat(STYLE_ATTRIBUTE.matcher(html).find()).as("%s: a style attribute", page).isFalse();
            assertThat(HANDLER_ATTRIBUTE.matcher(html).find()).as("%s: an on...= handler", page).isFalse();
            assertThat(OTHER_HOST.matcher(html).find()).as("%s: another host", page).isFalse();
            assertThat(html).as("%s: the layout", page)
                    .contains("<html lang=\"id\">", "<meta name=\"viewport\"", "href=\"assets/app.css\"",
                            "<script type=\"module\" src=\"assets/pages/", "<header class=\"site-header\">",
                            "<main id=\"main\"", "<footer class=\"site-footer\">", "class=\"skip-link\"");
        }
    }

    @Test
    void scriptsAndStylesFetchNothingFromAnotherHost() throws IOException {
        for (Path file : Stream.concat(files(".js").stream(), files(".css").stream()).toList()) {
            assertThat(URL_IN_CODE.matcher(Files.readString(file)).find()).as("%s: another host", file).isFalse();
        }
    }

    private static List<Path> files(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(STATIC)) {
            return files.filter(file -> file.toString().endsWith(suffix)).toList();
        }
    }
}
