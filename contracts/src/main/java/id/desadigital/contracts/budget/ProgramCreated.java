package id.desadigital.contracts.budget;

/**
 * A fiscal-year digitalization program was opened with its ceiling (pagu), the Permendagri 20/2018 funding source
 * (DDS, ADD, PBK, PBP, PAD, DLL) and activity code (such as 1.4.08, Sistem Informasi Desa). Keyed by program id.
 */
public record ProgramCreated(String programId, int fiscalYear, String name, long ceiling, String fundingSource,
        String activityCode) {
}
