package id.desadigital.budget.program;

/** CLOSING: no new allocation or revision is taken while the allocations are being closed one by one. */
public enum ProgramStatus {
    OPEN, CLOSING, CLOSED
}
