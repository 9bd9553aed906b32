package id.desadigital.budget.audit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param chainsPerRead     how many chains verification reads together (their entries in one or a few
 *                          {@code $in} reads of links)
 * @param verifyConcurrency how many such reads verification keeps under way at once
 */
@ConfigurationProperties("desa.audit")
record AuditProperties(int chainsPerRead, int verifyConcurrency) {
}
