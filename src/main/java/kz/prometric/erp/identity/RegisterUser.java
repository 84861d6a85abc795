package kz.prometric.erp.identity;

/**
 * Command to register a user with a password of their own.
 */
public record RegisterUser(String email, String password, String firstName, String lastName) {
}
