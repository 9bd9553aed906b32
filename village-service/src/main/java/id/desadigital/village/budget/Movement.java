package id.desadigital.village.budget;

/**
 * What one ledger entry changes in a village's figures for its fiscal year, in whole rupiah: signed amounts added
 * to {@code allocated} and to {@code spent}.
 */
record Movement(long allocated, long spent) {

    static Movement allocation(long amount) {
        return new Movement(amount, 0);
    }

    static Movement spending(long amount) {
        return new Movement(0, amount);
    }
}
