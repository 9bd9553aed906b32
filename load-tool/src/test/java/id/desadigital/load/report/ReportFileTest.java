package id.desadigital.load.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportFileTest {

    @Test
    void aRunReplacesTheLastRunsFiguresAndKeepsTheProseAround() {
        String page = "# Performance\n\nProse before.\n\n" + ReportFile.BEGIN + "\nold figures\n" + ReportFile.END
                + "\n\nProse after.\n";

        String written = ReportFile.replaced(page, "new figures\n");

        assertThat(written).isEqualTo("# Performance\n\nProse before.\n\n" + ReportFile.BEGIN + "\nnew figures\n"
                + ReportFile.END + "\n\nProse after.\n");
        assertThat(ReportFile.replaced(written, "newer")).contains("newer").doesNotContain("new figures");
    }

    @Test
    void aPageWithoutTheMarkersGetsThemAtItsEnd() {
        assertThat(ReportFile.replaced("# Performance\n", "figures"))
                .isEqualTo("# Performance\n\n" + ReportFile.BEGIN + "\nfigures\n" + ReportFile.END + "\n");
        assertThat(ReportFile.replaced("", "figures")).isEqualTo(ReportFile.BEGIN + "\nfigures\n" + ReportFile.END + "\n");
    }
}
