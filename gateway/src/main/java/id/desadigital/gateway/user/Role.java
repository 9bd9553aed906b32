package id.desadigital.gateway.user;

/** Who a signed-in user is to the system; carried in the token's {@code role} claim. */
public enum Role {
    ADMIN,
    FINANCE_OFFICER,
    VILLAGE_HEAD,
    AUDITOR;

    /** Only a village head is scoped to one village. */
    public boolean isScopedToVillage() {
        return this == VILLAGE_HEAD;
    }
}
