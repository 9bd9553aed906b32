package id.desadigital.contracts.budget;

/** A program was closed: nothing on it changes any more. Keyed by program id. */
public record ProgramClosed(String programId, int fiscalYear, long ceiling, long allocated) {
}
