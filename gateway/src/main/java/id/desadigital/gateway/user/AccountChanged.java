package id.desadigital.gateway.user;

/**
 * Published (synchronously) right after an account's password or status changed in the store, so that whatever
 * this instance remembers about the account is forgotten at once rather than when it expires.
 */
public record AccountChanged(String username) {
}
