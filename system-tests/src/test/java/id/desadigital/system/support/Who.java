package id.desadigital.system.support;

/**
 * Who calls: one user per role, the head of village A ("own": the village the request is about) and the head of
 * village B ("other"), and somebody without a token.
 */
public enum Who {
    ADMIN("ADMIN"),
    FINANCE_OFFICER("FINANCE_OFFICER"),
    HEAD_OWN("VILLAGE_HEAD"),
    HEAD_OTHER("VILLAGE_HEAD"),
    AUDITOR("AUDITOR"),
    ANONYMOUS(null);

    private final String role;

    Who(String role) {
        this.role = role;
    }

    public String role() {
        return role;
    }
}
