package id.desadigital.load.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a run's figures into a Markdown page between two markers, so that the page's own prose around them stays
 * and each run replaces the last one's figures. A page without the markers gets them at its end.
 */
public final class ReportFile {

    static final String BEGIN = "<!-- load-tool: begin (written by the load tool; edits here are replaced) -->";
    static final String END = "<!-- load-tool: end -->";

    private ReportFile() {
    }

    public static void write(Path page, String figures) throws IOException {
        String text = Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "";
        Files.writeString(page, replaced(text, figures), StandardCharsets.UTF_8);
    }

    static String replaced(String text, String figures) {
        String section = BEGIN + "\n" + figures.strip() + "\n" + END;
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin >= 0 && end > begin) {
            return text.substring(0, begin) + section + text.substring(end + END.length());
        }
        String separator = text.isEmpty() || text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n";
        return text + separator + section + "\n";
    }
}
