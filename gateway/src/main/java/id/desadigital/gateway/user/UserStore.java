package id.desadigital.gateway.user;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import id.desadigital.gateway.accountevents.AccountEventOutbox;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The user accounts in Mongo. Every change is one single-document update by id, so concurrent changes of one
 * account never lose each other's fields. A change that ends tokens records, in that same update, the account event
 * the services must hear of ({@link AccountEventOutbox}).
 */
@Component
public class UserStore {

    private final ReactiveMongoTemplate mongo;

    public UserStore(ReactiveMongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Mono<UserAccount> find(String username) {
        return mongo.findById(username, UserAccount.class);
    }

    /** Stores a new account; fails with {@link DuplicateKeyException} when the username is taken. */
    public Mono<UserAccount> insert(UserAccount account) {
        return mongo.insert(account);
    }

    /** Accounts in username order, without their password hashes (never read, so never at risk of being shown). */
    Flux<UserAccount> page(long offset, int limit) {
        Query page = new Query().with(Sort.by("_id")).skip(offset).limit(limit);
        page.fields().exclude("passwordHash");
        return mongo.find(page, UserAccount.class);
    }

    Mono<Long> count() {
        return mongo.count(new Query(), UserAccount.class);
    }

    /**
     * A new password hash; tokens issued before {@code changedAt} stop being valid. Empty when there is no such
     * account.
     */
    Mono<UserAccount> changePassword(String username, String passwordHash, Instant changedAt, String actor) {
        Update update = new Update()
                .set("passwordHash", passwordHash)
                .set("passwordChangedAt", changedAt)
                .max("tokensValidFrom", TokenValidity.cutoff(changedAt));
        return modify(username, AccountEventOutbox.withEvent(update, username, actor, changedAt));
    }

    /**
     * Enables or disables an account; disabling also ends every token issued so far, so that enabling it again does
     * not bring them back. Empty when there is no such account.
     */
    Mono<UserAccount> changeStatus(String username, boolean enabled, Instant changedAt, String actor) {
        Update update = new Update().set("enabled", enabled);
        if (!enabled) {
            update.max("tokensValidFrom", TokenValidity.cutoff(changedAt));
        }
        return modify(username, AccountEventOutbox.withEvent(update, username, actor, changedAt));
    }

    private Mono<UserAccount> modify(String username, Update update) {
        return mongo.findAndModify(query(where("_id").is(username)), update,
                FindAndModifyOptions.options().returnNew(true), UserAccount.class);
    }
}
