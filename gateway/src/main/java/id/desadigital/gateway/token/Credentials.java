package id.desadigital.gateway.token;

/** The body of {@code POST /api/auth/token}. */
record Credentials(String username, String password) {

    /** Without the password: the JSON decoder logs decoded bodies at debug level. */
    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=***]";
    }
}
