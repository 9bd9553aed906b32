package id.desadigital.gateway.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who may sign in. The username is the document id, so it is unique without an extra index and a second
 * insert of the same name fails atomically. {@code villageCode} is set for a village head only.
 * <p>
 * {@code enabled} and {@code tokensValidFrom} are what the gateway checks on every request besides the token's
 * signature: a disabled account's tokens are refused, and so is any token issued before {@code tokensValidFrom}
 * (set when the password changes or the account is disabled; see {@link TokenValidity}). Both are null on accounts
 * stored before they existed, which means enabled and every token valid.
 */
@Document("users")
public record UserAccount(@Id String username, String passwordHash, Role role, String villageCode,
        Instant createdAt, String createdBy, Boolean enabled, Instant tokensValidFrom, Instant passwordChangedAt) {

    /** A new, enabled account whose every token is valid. */
    static UserAccount created(String username, String passwordHash, Role role, String villageCode, Instant at,
            String by) {
        return new UserAccount(username, passwordHash, role, villageCode, at, by, true, null, null);
    }

    public boolean mayUseTokens() {
        return enabled == null || enabled;
    }

    /** Never the hash, so that no log line or debugger view carries it by accident. */
    @Override
    public String toString() {
        return "UserAccount[username=" + username + ", role=" + role + ", villageCode=" + villageCode + ", enabled="
                + mayUseTokens() + ", tokensValidFrom=" + tokensValidFrom + "]";
    }
}
