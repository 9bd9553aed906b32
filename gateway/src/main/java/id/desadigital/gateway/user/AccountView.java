package id.desadigital.gateway.user;

import java.time.Instant;

/**
 * An account as an admin sees it in the list and after a status change: never the password hash.
 * {@code passwordChangedAt} is null until the password is changed after creation.
 */
public record AccountView(String username, String role, String villageCode, boolean enabled, Instant createdAt,
        String createdBy, Instant passwordChangedAt) {

    static AccountView of(UserAccount account) {
        return new AccountView(account.username(), account.role().name(), account.villageCode(),
                account.mayUseTokens(), account.createdAt(), account.createdBy(), account.passwordChangedAt());
    }
}
