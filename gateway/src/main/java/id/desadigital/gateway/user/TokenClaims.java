package id.desadigital.gateway.user;

/** The claims, beside the registered ones, that a desa-digital token carries. */
public final class TokenClaims {

    public static final String ROLE = "role";
    /** Present for a VILLAGE_HEAD only. */
    public static final String VILLAGE_CODE = "villageCode";

    private TokenClaims() {
    }
}
