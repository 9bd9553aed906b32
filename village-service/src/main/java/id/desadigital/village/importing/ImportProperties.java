package id.desadigital.village.importing;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param batchSize       rows written per bulk command: the embedded store commits once per command, so larger
 *                        batches import faster, at the cost of memory per request
 * @param maxRecordLength longest record accepted, in characters; guards memory against a never-closed quote
 * @param maxAttempts     how often a batch is recomputed after a concurrent import changed the same villages
 */
@ConfigurationProperties("desa.import")
public record ImportProperties(int batchSize, int maxRecordLength, int maxAttempts) {
}
