package id.desadigital.village.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param batchSize       rows written per bulk command: the embedded store commits once per command, so larger
 *                        batches import faster, at the cost of memory per request
 * @param maxRecordLength longest record accepted, in characters; guards memory against a never-closed quote
 * @param maxFileSize     largest file accepted; guards the store against an endless upload. A file announced with
 *                        Content-Length is refused before it is read; one sent without is held (up to this size)
 *                        until it has all arrived, so that a refused file never leaves half its rows imported
 * @param maxAttempts     how often a batch is recomputed after a concurrent import changed the same villages
 */
@ConfigurationProperties("desa.import")
public record ImportProperties(int batchSize, int maxRecordLength, DataSize maxFileSize, int maxAttempts) {
}
