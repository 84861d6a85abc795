/**
 * Users and authentication: registration, login with BCrypt passwords, JWT access tokens
 * with rotating refresh tokens, logout, login throttling.
 * {@link kz.prometric.erp.identity.IdentityManagement} is the module's API; the Spring
 * Security set-up for {@code /api/**} lives here too.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity", allowedDependencies = "shared")
package kz.prometric.erp.identity;
