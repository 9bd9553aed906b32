package id.desadigital.budget.report;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param publicCache how the answers of the public endpoints are kept
 * @param fiscalData  what the Fiscal Data Package says of who publishes it and under which licence
 */
@ConfigurationProperties("desa.reports")
record ReportProperties(PublicCache publicCache, FiscalData fiscalData) {

    /**
     * @param ttl     how long a public answer is served again before it is read afresh; zero keeps nothing
     * @param maxSize about how much memory all kept answers may take together
     */
    record PublicCache(Duration ttl, DataSize maxSize) {
    }

    /**
     * @param publisher    who publishes the data, as the package's publisher
     * @param licenseName  the licence's SPDX-style id, such as CC-BY-4.0
     * @param licenseTitle the licence's human-readable title
     * @param licensePath  where the licence's text is
     */
    record FiscalData(String publisher, String licenseName, String licenseTitle, String licensePath) {
    }
}
