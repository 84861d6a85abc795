/**
 * Users and authentication: registration that reveals no accounts, e-mail confirmation by
 * mailed link, login with BCrypt passwords, JWT access tokens with rotating refresh
 * tokens, logout, login throttling per source address and account.
 * {@link kz.prometric.erp.identity.IdentityManagement} is the module's API; the Spring
 * Security set-up for {@code /api/**} lives here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package kz.prometric.erp.identity;
