package id.desadigital.budget.program;

/** A program to open, as validated from POST /api/budget/programs. */
public record NewProgram(int fiscalYear, String name, long ceiling, FundingSource fundingSource,
        String activityCode) {
}
