package id.desadigital.gateway.user;

/** The body of {@code POST /api/auth/users}; checked by {@link NewUserRules}. */
public record NewUser(String username, String password, String role, String villageCode) {

    /** Without the password: request bodies end up in debug logs of the JSON decoder. */
    @Override
    public String toString() {
        return "NewUser[username=" + username + ", password=***, role=" + role + ", villageCode=" + villageCode + "]";
    }
}
