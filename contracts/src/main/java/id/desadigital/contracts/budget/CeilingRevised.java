package id.desadigital.contracts.budget;

/** A program's ceiling changed from {@code previousCeiling} to {@code ceiling}. Keyed by program id. */
public record CeilingRevised(String programId, int fiscalYear, long previousCeiling, long ceiling, String reason) {
}
