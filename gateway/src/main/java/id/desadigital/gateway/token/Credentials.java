package id.desadigital.gateway.token;

/** The body of {@code POST /api/auth/token}. */
record Credentials(String username, String password) {
}
