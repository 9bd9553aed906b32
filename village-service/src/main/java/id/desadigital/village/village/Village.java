package id.desadigital.village.village;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A village as stored: its current state, its version (the sequence of its last change) and every change made to
 * it. State and change are written by one single-document update, which MongoDB applies atomically; that is what
 * keeps state, history and outbox consistent without transactions.
 *
 * @param publishedVersion the highest sequence already on Kafka
 * @param unpublished the village's own code while some change awaits publishing, absent otherwise: a unique sparse
 *                    index then holds exactly the pending villages, so the outbox sweep reads that index instead of
 *                    every village (the embedded stand-in uses unique indexes only)
 */
@Document("villages")
public record Village(
        @Id String code,
        String name,
        VillageType type,
        String districtCode,
        String districtName,
        String regencyCode,
        String regencyName,
        String provinceCode,
        String provinceName,
        VillageStatus status,
        Head head,
        long version,
        List<VillageChange> changes,
        long publishedVersion,
        String unpublished) {

    public static final String COLLECTION = "villages";

    public Village {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    public List<VillageChange> pendingChanges() {
        return changes.stream().filter(change -> change.sequence() > publishedVersion).toList();
    }
}
