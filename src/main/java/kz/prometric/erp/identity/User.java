package kz.prometric.erp.identity;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "idn_user")
class User {

	enum Status {

		ACTIVE, BLOCKED

	}

	enum RegistrationStatus {

		PENDING, COMPLETED

	}

	@Id
	private UUID id;

	private String email;

	@Column(name = "password_hash")
	private String passwordHash;

	private String firstName;

	private String lastName;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private Status status;

	@jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
	private RegistrationStatus registrationStatus;

	private boolean emailVerified;

	private boolean platformAdmin;

	/**
	 * The language chosen for the web UI ({@code ru}, {@code kk}, {@code en}); null: the
	 * browser's.
	 */
	private String locale;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected User() {
	}

	User(String email, String passwordHash, String firstName, String lastName, Instant now) {
		this.id = UUID.randomUUID();
		this.email = normalize(email);
		this.passwordHash = passwordHash;
		this.firstName = firstName.strip();
		this.lastName = lastName.strip();
		this.status = Status.ACTIVE;
		this.registrationStatus = RegistrationStatus.PENDING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	static String normalize(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	void completeRegistration(Instant now) {
		if (this.registrationStatus != RegistrationStatus.COMPLETED) {
			this.registrationStatus = RegistrationStatus.COMPLETED;
			this.updatedAt = now;
		}
	}

	void grantPlatformAdmin(Instant now) {
		this.platformAdmin = true;
		this.updatedAt = now;
	}

	void verifyEmail(Instant now) {
		if (!this.emailVerified) {
			this.emailVerified = true;
			this.updatedAt = now;
		}
	}

	/**
	 * Sets the password and names of a confirmed re-registration (the address's owner
	 * takes over an account whose first registrant never proved the address).
	 */
	void replaceCredentials(String passwordHash, String firstName, String lastName, Instant now) {
		this.passwordHash = passwordHash;
		this.firstName = firstName;
		this.lastName = lastName;
		this.updatedAt = now;
	}

	/** A new password: chosen by the user, or set through a reset link. */
	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void chooseLocale(String locale, Instant now) {
		this.locale = locale;
		this.updatedAt = now;
	}

	String locale() {
		return this.locale;
	}

	boolean isPlatformAdmin() {
		return this.platformAdmin;
	}

	boolean isEmailVerified() {
		return this.emailVerified;
	}

	String firstName() {
		return this.firstName;
	}

	boolean isActive() {
		return this.status == Status.ACTIVE;
	}

	UUID id() {
		return this.id;
	}

	String email() {
		return this.email;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	UserAccount toAccount() {
		return new UserAccount(this.id, this.email, this.firstName, this.lastName, this.status.name(),
				this.registrationStatus.name(), this.emailVerified, this.platformAdmin, this.createdAt);
	}

}
