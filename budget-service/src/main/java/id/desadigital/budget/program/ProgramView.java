package id.desadigital.budget.program;

/**
 * A program as the API shows it: available = ceiling − allocated. A program being closed already shows CLOSED, as
 * nothing on it changes any more.
 */
public record ProgramView(String id, int fiscalYear, String name, String fundingSource, String activityCode,
        long ceiling, long allocated, long spent, long available, String status) {

    static ProgramView of(Program program, long spent) {
        return new ProgramView(program.id(), program.fiscalYear(), program.name(), program.fundingSource(),
                program.activityCode(), program.ceiling(), program.allocated(), spent, program.available(),
                program.isOpen() ? "OPEN" : "CLOSED");
    }
}
