package kz.prometric.erp.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.TooManyRequestsException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Sort;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity module's API: users, passwords, sessions and tokens.
 */
@Service
public class IdentityManagement {

	/** The most BCrypt hashes; longer passwords are refused at registration. */
	private static final int MAX_PASSWORD_BYTES = 72;

	/** How long a confirmation link works. */
	static final Duration VERIFICATION_VALIDITY = Duration.ofHours(48);

	private static final int MAX_VERIFICATION_MAILS_PER_HOUR = 5;

	private final Users users;

	private final Sessions sessions;

	private final RefreshTokens refreshTokens;

	private final TokenService tokens;

	private final PasswordEncoder passwords;

	private final LoginGuard guard;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final EmailVerifications verifications;

	private final TransactionTemplate transaction;

	private final RegistrationTiming timing;

	/**
	 * Compared against when the e-mail is unknown, so that a miss costs as long as a
	 * wrong password.
	 */
	private final String dummyHash;

	IdentityManagement(Users users, Sessions sessions, RefreshTokens refreshTokens, TokenService tokens,
			PasswordEncoder passwords, LoginGuard guard, IdentityProperties properties,
			ApplicationEventPublisher events, Clock clock, EmailVerifications verifications,
			PlatformTransactionManager transactionManager, RegistrationTiming timing) {
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.tokens = tokens;
		this.passwords = passwords;
		this.guard = guard;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.verifications = verifications;
		this.transaction = new TransactionTemplate(transactionManager);
		this.timing = timing;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Registers a user, answering the same whether the address is new or not, so that
	 * registration cannot tell which addresses have accounts:
	 * <ul>
	 * <li>a new address gets an account (unconfirmed; it may log in at once) and
	 * {@link UserRegistered} (the personal workspace is created from it) and
	 * {@link EmailVerificationRequested} ({@code REGISTERED}) are published;</li>
	 * <li>an address whose account is confirmed gets {@link RegistrationRepeated} (its
	 * owner is told by mail); nothing changes;</li>
	 * <li>an address whose account is not confirmed gets
	 * {@link EmailVerificationRequested} ({@code REGISTERED_AGAIN}): whoever confirms it
	 * takes the account over with this registration's password.</li>
	 * </ul>
	 * The password is hashed in every case, and an answer for an existing address is held
	 * until about as long as a new registration takes ({@link RegistrationTiming}), so
	 * timing does not tell either.
	 */
	public void register(RegisterUser command) {
		ensureHashable(command.password());
		long start = System.nanoTime();
		String email = User.normalize(command.email());
		String passwordHash = this.passwords.encode(command.password());
		Boolean created;
		try {
			created = this.transaction.execute(status -> registerOrTell(email, passwordHash, command));
		}
		catch (DataIntegrityViolationException ex) {
			if (!DatabaseConstraints.isUniqueViolation(ex, "uq_idn_user_email")) {
				throw ex;
			}
			// a concurrent registration of the same address won the race: this one is a
			// repeat
			created = this.transaction.execute(status -> registerOrTell(email, passwordHash, command));
		}
		if (Boolean.TRUE.equals(created)) {
			this.timing.newAccountTook(System.nanoTime() - start);
		}
		else {
			this.timing.padFrom(start);
		}
	}

	/**
	 * Registers a user whose address is known to be theirs (demo data, tooling run by the
	 * operator): confirmed at once, no mail. Publishes {@link UserRegistered}. 409 when
	 * the address has an account.
	 */
	@Transactional
	public UserAccount registerVerified(RegisterUser command) {
		ensureHashable(command.password());
		String email = User.normalize(command.email());
		if (this.users.existsByEmail(email)) {
			throw new ConflictException("email", "An account with this e-mail address already exists");
		}
		User user = createUser(email, this.passwords.encode(command.password()), command);
		user.verifyEmail(this.clock.instant());
		grantPlatformAdminIfListed(user);
		return user.toAccount();
	}

	/** True when a new account was created. */
	private boolean registerOrTell(String email, String passwordHash, RegisterUser command) {
		Instant now = this.clock.instant();
		Optional<User> existing = this.users.findByEmail(email);
		if (existing.isEmpty()) {
			User user = createUser(email, passwordHash, command);
			requestVerification(EmailVerification.of(user, now, now.plus(VERIFICATION_VALIDITY)), user,
					EmailVerificationRequested.Reason.REGISTERED);
			return true;
		}
		else if (existing.get().isEmailVerified()) {
			this.events
				.publishEvent(new RegistrationRepeated(existing.get().id(), email, existing.get().firstName(), now));
		}
		else if (mayRequestVerification(existing.get(), now)) {
			User user = existing.get();
			requestVerification(EmailVerification.claim(user, passwordHash, command.firstName(), command.lastName(),
					now, now.plus(VERIFICATION_VALIDITY)), user, EmailVerificationRequested.Reason.REGISTERED_AGAIN);
		}
		return false;
	}

	private User createUser(String email, String passwordHash, RegisterUser command) {
		Instant now = this.clock.instant();
		// the id is assigned, so Spring Data merges: keep working on the managed copy it
		// returns, or later changes (a confirmed address) would be lost
		User user = this.users
			.saveAndFlush(new User(email, passwordHash, command.firstName(), command.lastName(), now));
		this.events.publishEvent(new UserRegistered(user.id(), user.email(), command.firstName().strip(),
				command.lastName().strip(), now));
		return user;
	}

	private void requestVerification(EmailVerification verification, User user,
			EmailVerificationRequested.Reason reason) {
		this.verifications.save(verification);
		this.events.publishEvent(new EmailVerificationRequested(verification.id(), user.id(), user.email(),
				user.firstName(), reason, verification.expiresAt(), this.clock.instant()));
	}

	/** At most a few mails an hour to one address, however often someone asks. */
	private boolean mayRequestVerification(User user, Instant now) {
		return this.verifications.countByUserIdAndCreatedAtAfter(user.id(),
				now.minus(Duration.ofHours(1))) < MAX_VERIFICATION_MAILS_PER_HOUR;
	}

	/**
	 * Sends a new confirmation link when the address has an unconfirmed account (and not
	 * too many were sent in the last hour); otherwise does nothing. Answers the same in
	 * every case.
	 */
	@Transactional
	public void resendVerification(String email) {
		Instant now = this.clock.instant();
		this.users.findByEmail(User.normalize(email))
			.filter(u -> !u.isEmailVerified())
			.filter(u -> mayRequestVerification(u, now))
			.ifPresent(u -> requestVerification(EmailVerification.of(u, now, now.plus(VERIFICATION_VALIDITY)), u,
					EmailVerificationRequested.Reason.RESENT));
	}

	/**
	 * Mints the token of a verification request for its mail: a new random token whose
	 * hash replaces any earlier one. Empty when the request is used or expired. Commits
	 * at once (its own transaction), so the link works the moment the mail arrives; a
	 * failed send leaves only a token that nobody has, and a retry replaces it.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> mintVerificationToken(UUID verificationId) {
		Instant now = this.clock.instant();
		return this.verifications.findById(verificationId).filter(v -> v.isOpen(now)).map(v -> {
			String token = this.tokens.newRefreshToken();
			v.mint(TokenService.hash(token));
			return token;
		});
	}

	/**
	 * Confirms the address that a verification token was sent to: the account's e-mail
	 * becomes verified and every other open link of the account stops working. A token
	 * from a repeated registration also sets that registration's password and names and
	 * ends every session of the account (whoever registered first never proved the
	 * address). A platform administrator's address gets its rights now. 400 naming
	 * {@code token} when the token is unknown, used or expired.
	 */
	@Transactional
	public UserAccount verifyEmail(String token) {
		Instant now = this.clock.instant();
		EmailVerification verification = this.verifications.findByTokenHashForUpdate(TokenService.hash(token))
			.filter(v -> v.isOpen(now))
			.orElseThrow(() -> new InvalidInputException("token",
					"The confirmation link is unknown, already used or expired; ask for a new one"));
		User user = this.users.findById(verification.userId())
			.filter(u -> u.email().equals(verification.email()))
			.orElseThrow(() -> new InvalidInputException("token", "The confirmation link no longer applies"));
		this.verifications.closeAllOf(user.id(), now);
		user.verifyEmail(now);
		if (verification.claimsAccount()) {
			user.replaceCredentials(verification.passwordHash(), verification.firstName(), verification.lastName(),
					now);
			this.users.saveAndFlush(user);
			this.sessions.revokeAllOf(user.id(), "ACCOUNT_CLAIMED", now);
		}
		grantPlatformAdminIfListed(user);
		return user.toAccount();
	}

	private void grantPlatformAdminIfListed(User user) {
		if (this.properties.platformAdmins().stream().map(User::normalize).anyMatch(user.email()::equals)) {
			user.grantPlatformAdmin(this.clock.instant());
		}
	}

	private static void ensureHashable(String password) {
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// BCrypt hashes at most 72 bytes and refuses longer input; the request's
			// character count lets non-Latin passwords through
			throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD_BYTES
					+ " bytes in UTF-8 (fewer characters for non-Latin letters)");
		}
	}

	/**
	 * Checks the password and opens a session: an access token (JWT) and a refresh token.
	 * An unconfirmed e-mail address may log in (it may not answer invitations). Wrong
	 * credentials answer 401; after repeated failures from the caller's address the
	 * caller is refused for a while (429, see {@link LoginGuard}); other addresses are
	 * not.
	 */
	@Transactional
	public AuthTokens login(String email, String password) {
		User user = authenticate(email, password);
		Session session = this.sessions.save(new Session(user.id(), this.clock.instant()));
		return issue(user, session);
	}

	/**
	 * Exchanges a refresh token for a new pair. Each refresh token works once: presenting
	 * a used one revokes the whole session (its access tokens stop working too), since it
	 * means the token was stolen or replayed.
	 */
	@Transactional(noRollbackFor = BadCredentialsException.class)
	public AuthTokens refresh(String refreshToken) {
		Instant now = this.clock.instant();
		RefreshToken token = this.refreshTokens.findForUpdate(TokenService.hash(refreshToken))
			.orElseThrow(IdentityManagement::invalidRefresh);
		Session session = this.sessions.findById(token.sessionId()).orElseThrow(IdentityManagement::invalidRefresh);
		if (token.isUsed()) {
			session.revoke("REFRESH_TOKEN_REUSED", now);
			throw new BadCredentialsException("Refresh token was already used; the session has been ended");
		}
		if (session.isRevoked() || token.isExpired(now)) {
			throw invalidRefresh();
		}
		User user = this.users.findById(session.userId())
			.filter(User::isActive)
			.orElseThrow(IdentityManagement::invalidRefresh);
		token.markUsed(now);
		return issue(user, session);
	}

	/**
	 * Ends the session: its refresh token and every access token issued in it stop
	 * working. Idempotent.
	 */
	@Transactional
	public void logout(UUID sessionId) {
		this.sessions.findById(sessionId).ifPresent(s -> s.revoke("LOGOUT", this.clock.instant()));
	}

	/**
	 * Ends every session of the user at once (logout everywhere): API tokens, refresh
	 * tokens and the webapp (Tasklist, Cockpit, Admin) logins tied to them. Idempotent.
	 */
	@Transactional
	public void logoutEverywhere(UUID userId) {
		Instant now = this.clock.instant();
		this.sessions.findByUserIdAndRevokedAtIsNull(userId).forEach(s -> s.revoke("LOGOUT_EVERYWHERE", now));
	}

	/**
	 * Opens a session for a login that already checked the password elsewhere (the
	 * webapps' login form), without issuing tokens, so that logging out everywhere or
	 * blocking the account ends that login too. Empty for unknown or blocked users.
	 */
	@Transactional
	public Optional<UUID> openSessionFor(String email) {
		return this.users.findByEmail(User.normalize(email))
			.filter(User::isActive)
			.map(user -> this.sessions.save(new Session(user.id(), this.clock.instant())).id());
	}

	/**
	 * Logs in to the ERP's pages: checks the e-mail and password (throttled like
	 * {@link #login}) and opens an ERP session for the page login, so that logging out
	 * everywhere or blocking the account ends it. Empty when the credentials are refused.
	 */
	@Transactional
	public Optional<ErpPrincipal> pageLogin(String email, String password) {
		return verifyCredentials(email, password).flatMap(account -> openSessionFor(account.email())
			.map(session -> new ErpPrincipal(account.id(), account.email(), session)));
	}

	/**
	 * Whether the session is still open and its user still active: what a login tied to
	 * it (a webapp session) checks on every request.
	 */
	@Transactional(readOnly = true)
	public boolean isSessionOf(UUID sessionId, String email) {
		return this.sessions.findById(sessionId)
			.filter(s -> !s.isRevoked())
			.flatMap(s -> this.users.findById(s.userId()))
			.filter(User::isActive)
			.filter(u -> u.email().equals(User.normalize(email)))
			.isPresent();
	}

	/**
	 * The ERP session of the current request (its access token's, or its page login's).
	 */
	public UUID currentSessionId() {
		return CurrentUser.sessionId();
	}

	/**
	 * Checks an e-mail and password without opening a session (basic authentication,
	 * Tasklist login). Throttled like {@link #login}, by the same counts. Empty when the
	 * credentials are wrong, the user is blocked, or the caller's address is refused for
	 * now (those entry points answer 401 either way).
	 */
	@Transactional
	public Optional<UserAccount> verifyCredentials(String email, String password) {
		try {
			return Optional.of(authenticate(email, password).toAccount());
		}
		catch (BadCredentialsException | DisabledException | TooManyRequestsException ex) {
			return Optional.empty();
		}
	}

	@Transactional(readOnly = true)
	public boolean isSessionActive(UUID sessionId) {
		return this.sessions.isActive(sessionId);
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findById(UUID id) {
		return this.users.findById(id).map(User::toAccount);
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findByEmail(String email) {
		return this.users.findByEmail(User.normalize(email)).map(User::toAccount);
	}

	@Transactional(readOnly = true)
	public List<UserAccount> findAllById(Collection<UUID> ids) {
		return this.users.findAllById(ids).stream().map(User::toAccount).toList();
	}

	@Transactional(readOnly = true)
	public List<UserAccount> findAllByEmail(Collection<String> emails) {
		return this.users.findByEmailIn(emails.stream().map(User::normalize).toList())
			.stream()
			.map(User::toAccount)
			.toList();
	}

	/**
	 * Every user, ordered by e-mail: what the process platform's administrators list in
	 * Camunda Admin. Not for per-request use.
	 */
	@Transactional(readOnly = true)
	public List<UserAccount> allUsers() {
		return this.users.findAll(Sort.by("email")).stream().map(User::toAccount).toList();
	}

	@Transactional(readOnly = true)
	public List<UserAccount> platformAdmins() {
		return this.users.findByPlatformAdminTrue().stream().map(User::toAccount).toList();
	}

	/** Marks that the user has joined or founded an organization. Idempotent. */
	@Transactional
	public void completeRegistration(UUID userId) {
		this.users.findById(userId).ifPresent(u -> u.completeRegistration(this.clock.instant()));
	}

	/**
	 * Makes the users with these e-mail addresses platform administrators (members of the
	 * engine's {@code platform-admins} group: Camunda Admin, never tenant bypass).
	 * Idempotent; unknown and unconfirmed addresses are skipped (an unconfirmed one gets
	 * the rights when it is confirmed), so registering an administrator's address first
	 * gives nothing.
	 */
	@Transactional
	public void grantPlatformAdmin(Set<String> emails) {
		this.users.findByEmailIn(emails.stream().map(User::normalize).toList())
			.stream()
			.filter(User::isEmailVerified)
			.forEach(u -> u.grantPlatformAdmin(this.clock.instant()));
	}

	private User authenticate(String email, String password) {
		String account = User.normalize(email);
		account = (account.length() > 254) ? account.substring(0, 254) : account;
		String source = LoginSource.current();
		this.guard.ensureAllowed(source, account);
		Optional<User> user = this.users.findByEmail(account);
		boolean matches = this.passwords.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.guard.recordFailure(source, account);
			throw new BadCredentialsException("E-mail or password is wrong");
		}
		if (!user.get().isActive()) {
			throw new DisabledException("This account is blocked");
		}
		this.guard.recordSuccess(source, account);
		return user.get();
	}

	private AuthTokens issue(User user, Session session) {
		String refresh = this.tokens.newRefreshToken();
		Instant now = this.clock.instant();
		this.refreshTokens.save(new RefreshToken(session.id(), TokenService.hash(refresh), now,
				now.plus(this.properties.refreshTokenTtl())));
		return new AuthTokens(this.tokens.accessToken(user, session), refresh, this.tokens.accessTokenSeconds());
	}

	private static BadCredentialsException invalidRefresh() {
		return new BadCredentialsException("Refresh token is invalid or expired");
	}

}
