package id.desadigital.village.budget;

import id.desadigital.village.village.VillageView.BudgetLine;

/** A village's budget in one fiscal year as stored: what was allocated to it and what it spent, in whole rupiah. */
record YearFigures(int fiscalYear, long allocated, long spent) {

    static YearFigures empty(int fiscalYear) {
        return new YearFigures(fiscalYear, 0, 0);
    }

    /**
     * These figures after {@code movement}.
     *
     * @throws ArithmeticException when a figure would leave the range of a long: no real ledger gets there, so the
     *     event that would take it there is refused rather than wrapped around into a wrong figure
     */
    YearFigures plus(Movement movement) {
        return new YearFigures(fiscalYear, Math.addExact(allocated, movement.allocated()),
                Math.addExact(spent, movement.spent()));
    }

    BudgetLine line() {
        return new BudgetLine(fiscalYear, allocated, spent);
    }
}
