package id.desadigital.gateway.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who may sign in. The username is the document id, so it is unique without an extra index and a second
 * insert of the same name fails atomically. {@code villageCode} is set for a village head only.
 */
@Document("users")
public record UserAccount(@Id String username, String passwordHash, Role role, String villageCode,
        Instant createdAt, String createdBy) {
}
