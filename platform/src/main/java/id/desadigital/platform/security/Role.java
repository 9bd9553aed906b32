package id.desadigital.platform.security;

/** Who a signed-in user is to the system; carried in the token's {@code role} claim. */
public enum Role {
    ADMIN,
    FINANCE_OFFICER,
    VILLAGE_HEAD,
    AUDITOR
}
