package id.desadigital.village.village;

import id.desadigital.platform.web.ApiProblem;

/** The answers every endpoint gives about a village code in its path. */
public final class VillageCodes {

    private VillageCodes() {
    }

    /** A malformed code is a 400 that says what a code looks like; a well-formed unknown one is a 404. */
    public static VillageCode require(String code) {
        return VillageCode.parse(code).orElseThrow(
                () -> ApiProblem.invalid("code", "'" + code + "' is not a village code " + VillageCode.FORMAT));
    }

    public static ApiProblem unknown(String code) {
        return ApiProblem.notFound("No village has code " + code);
    }
}
