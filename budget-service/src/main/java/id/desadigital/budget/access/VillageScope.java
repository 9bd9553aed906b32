package id.desadigital.budget.access;

import id.desadigital.platform.security.Caller;
import id.desadigital.platform.security.Role;
import id.desadigital.platform.web.ApiProblem;

/**
 * A village head is scoped to their own village: every budget figure of another village (its allocations, its
 * spending, its summary) is a 403 for them, whichever endpoint it is asked through. The district's roles are not
 * scoped; which of them may see or do what is each endpoint's own rule.
 */
public final class VillageScope {

    private VillageScope() {
    }

    public static boolean isScoped(Caller caller) {
        return caller.role() == Role.VILLAGE_HEAD;
    }

    /** Throws the 403 when {@code caller} is the head of a village other than {@code villageCode}. */
    public static void requireVisible(Caller caller, String villageCode) {
        if (isScoped(caller) && !villageCode.equals(caller.villageCode())) {
            throw ApiProblem.forbidden("A village head sees the budget of their own village only ("
                    + caller.villageCode() + ")");
        }
    }
}
