package id.desadigital.village.importing;

import java.util.List;

/** The answer to an import: what each good row did, and every bad row with its line and reason. */
public record ImportReport(long created, long updated, long unchanged, List<Rejection> rejected) {

    public record Rejection(int line, String reason) {
    }
}
