package id.desadigital.budget.report;

/** What the reports read of a village in the service's view of villages: its name and its areas' names. */
record VillageNames(String code, String name, String districtCode, String districtName, String regencyName,
        String provinceName) {
}
