package id.desadigital.gateway.user;

/** A user as the API shows it: never the password hash. {@code villageCode} is null except for a village head. */
public record UserView(String username, String role, String villageCode) {

    static UserView of(UserAccount account) {
        return new UserView(account.username(), account.role().name(), account.villageCode());
    }
}
