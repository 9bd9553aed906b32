package id.desadigital.contracts.account;

import java.time.Instant;

/**
 * An account's whole state as far as its tokens are concerned, after a change (a new password, disabling,
 * enabling): a token of {@code username} is good only while {@code enabled} and only if issued ({@code iat}) at or
 * after {@code tokensValidFrom}. The whole state rather than what changed, so that the compacted topic's last
 * message per username is all a service needs, however many earlier ones compaction removed.
 *
 * @param tokensValidFrom whole seconds; null when no change has ended any token yet
 */
public record AccountStateChanged(String username, boolean enabled, Instant tokensValidFrom) {
}
