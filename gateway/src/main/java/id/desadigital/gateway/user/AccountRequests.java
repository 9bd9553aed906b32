package id.desadigital.gateway.user;

/**
 * The bodies of the account management endpoints. Their {@code toString} never shows a password: the JSON
 * decoder logs decoded bodies at debug level.
 */
final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code PUT /api/auth/users/{username}/password} (an admin sets it). */
    record NewPassword(String password) {

        @Override
        public String toString() {
            return "NewPassword[password=***]";
        }
    }

    /** {@code PUT /api/auth/me/password} (the user changes their own, proving they know the current one). */
    record OwnPasswordChange(String currentPassword, String newPassword) {

        @Override
        public String toString() {
            return "OwnPasswordChange[currentPassword=***, newPassword=***]";
        }
    }

    /** {@code PUT /api/auth/users/{username}/status}. */
    record AccountStatus(Boolean enabled) {
    }
}
