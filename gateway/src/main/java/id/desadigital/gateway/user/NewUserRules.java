package id.desadigital.gateway.user;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.util.StringUtils;

import id.desadigital.gateway.problem.ApiProblem.FieldError;

/**
 * What a new account must look like; every broken rule is reported at once, one entry per field. A changed password
 * is held to the same rule as a new one.
 */
final class NewUserRules {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9._-]{3,64}$");
    /** Kemendagri village code: province.regency.district.village. */
    private static final Pattern VILLAGE_CODE = Pattern.compile("^\\d{2}\\.\\d{2}\\.\\d{2}\\.\\d{4}$");
    private static final int MIN_PASSWORD_LENGTH = 10;
    private static final String ROLES = Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.joining(", "));

    private NewUserRules() {
    }

    static List<FieldError> check(NewUser user) {
        List<FieldError> errors = new ArrayList<>();
        if (user.username() == null || !USERNAME.matcher(user.username()).matches()) {
            errors.add(new FieldError("username", "must be 3 to 64 characters of a-z, 0-9, '.', '_' or '-'"));
        }
        checkPassword("password", user.password(), errors);
        Role role = parseRole(user.role());
        if (role == null) {
            errors.add(new FieldError("role", "must be one of " + ROLES));
        }
        if (role == Role.VILLAGE_HEAD) {
            if (!StringUtils.hasText(user.villageCode())) {
                errors.add(new FieldError("villageCode", "is required for a VILLAGE_HEAD"));
            } else if (!VILLAGE_CODE.matcher(user.villageCode()).matches()) {
                errors.add(new FieldError("villageCode", "must look like NN.NN.NN.NNNN"));
            }
        } else if (role != null && StringUtils.hasText(user.villageCode())) {
            errors.add(new FieldError("villageCode", "only a VILLAGE_HEAD is scoped to a village"));
        }
        return errors;
    }

    /** The rule for every new password, at creation and on every change; reported under {@code field}. */
    static void checkPassword(String field, String password, List<FieldError> errors) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            errors.add(new FieldError(field, "must be at least " + MIN_PASSWORD_LENGTH + " characters"));
        } else if (!PasswordHasher.fitsBcrypt(password)) {
            errors.add(new FieldError(field,
                    "must be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes in UTF-8"));
        }
    }

    static Role parseRole(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().orElse(null);
    }
}
