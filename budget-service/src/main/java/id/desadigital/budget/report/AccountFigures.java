package id.desadigital.budget.report;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;

import id.desadigital.budget.allocation.AccountAllocation;

/**
 * What the reports read of a village account ({@code village_accounts}): its allocations with what was spent from
 * each, per category too. Its chain and outbox are left in the store, so a national report moves only figures.
 */
record AccountFigures(@Id String villageCode, List<AccountAllocation> allocations) {

    AccountFigures {
        allocations = allocations == null ? List.of() : allocations;
    }

    Stream<AccountAllocation> in(int fiscalYear) {
        return allocations.stream().filter(allocation -> allocation.fiscalYear() == fiscalYear);
    }

    /** The district (kecamatan) code, the first three parts of the village code. */
    String districtCode() {
        return villageCode.substring(0, 8);
    }
}
