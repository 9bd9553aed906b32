package id.desadigital.gateway.user;

/** The body of {@code POST /api/auth/users}; checked by {@link NewUserRules}. */
public record NewUser(String username, String password, String role, String villageCode) {
}
