package id.desadigital.gateway.user;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** The user accounts in Mongo. */
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
}
