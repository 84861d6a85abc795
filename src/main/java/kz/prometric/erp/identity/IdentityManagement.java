package kz.prometric.erp.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API: users, passwords, sessions and tokens.
 */
@Service
public class IdentityManagement {

	/** The most BCrypt hashes; longer passwords are refused at registration. */
	private static final int MAX_PASSWORD_BYTES = 72;

	private final Users users;

	private final Sessions sessions;

	private final RefreshTokens refreshTokens;

	private final TokenService tokens;

	private final PasswordEncoder passwords;

	private final LoginGuard guard;

	private final IdentityProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Compared against when the e-mail is unknown, so that a miss costs as long as a
	 * wrong password.
	 */
	private final String dummyHash;

	IdentityManagement(Users users, Sessions sessions, RefreshTokens refreshTokens, TokenService tokens,
			PasswordEncoder passwords, LoginGuard guard, IdentityProperties properties,
			ApplicationEventPublisher events, Clock clock) {
		this.users = users;
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.tokens = tokens;
		this.passwords = passwords;
		this.guard = guard;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
		this.dummyHash = passwords.encode(UUID.randomUUID().toString());
	}

	/**
	 * Registers a user. Publishes {@link UserRegistered} in the same transaction (the
	 * personal workspace is created from it). Not idempotent: a second registration of
	 * the same e-mail answers 409.
	 */
	@Transactional
	public UserAccount register(RegisterUser command) {
		if (command.password().getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
			// BCrypt hashes at most 72 bytes and refuses longer input; the request's
			// character count lets non-Latin passwords through
			throw new InvalidInputException("password", "must be at most " + MAX_PASSWORD_BYTES
					+ " bytes in UTF-8 (fewer characters for non-Latin letters)");
		}
		String email = User.normalize(command.email());
		if (this.users.existsByEmail(email)) {
			throw new ConflictException("email", "An account with this e-mail address already exists");
		}
		Instant now = this.clock.instant();
		User user = new User(email, this.passwords.encode(command.password()), command.firstName(), command.lastName(),
				now);
		if (this.properties.platformAdmins().stream().map(User::normalize).anyMatch(email::equals)) {
			user.grantPlatformAdmin(now);
		}
		try {
			this.users.saveAndFlush(user);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraints.isUniqueViolation(ex, "uq_idn_user_email")) {
				// a concurrent registration of the same address won the race
				throw new ConflictException("email", "An account with this e-mail address already exists");
			}
			throw ex;
		}
		this.events.publishEvent(new UserRegistered(user.id(), user.email(), command.firstName().strip(),
				command.lastName().strip(), now));
		return user.toAccount();
	}

	/**
	 * Checks the password and opens a session: an access token (JWT) and a refresh token.
	 * Wrong credentials answer 401; after repeated failures the address is locked for a
	 * while (429).
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

	/** The session id of the access token of the current request. */
	public UUID currentSessionId() {
		return UUID.fromString(CurrentUser.jwt().getClaimAsString(TokenService.CLAIM_SESSION));
	}

	/**
	 * Checks an e-mail and password without opening a session (basic authentication,
	 * Tasklist login). Throttled like {@link #login}. Empty when the credentials are
	 * wrong or the user is blocked.
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
	 * Makes the users with these e-mail addresses platform administrators (members of
	 * Camunda's {@code camunda-admin} group). Idempotent; unknown addresses are skipped.
	 */
	@Transactional
	public void grantPlatformAdmin(Set<String> emails) {
		this.users.findByEmailIn(emails.stream().map(User::normalize).toList())
			.forEach(u -> u.grantPlatformAdmin(this.clock.instant()));
	}

	private User authenticate(String email, String password) {
		String normalized = User.normalize(email);
		this.guard.ensureNotLocked(normalized);
		Optional<User> user = this.users.findByEmail(normalized);
		boolean matches = this.passwords.matches(password, user.map(User::passwordHash).orElse(this.dummyHash));
		if (user.isEmpty() || !matches) {
			this.guard.recordFailure(normalized);
			throw new BadCredentialsException("E-mail or password is wrong");
		}
		if (!user.get().isActive()) {
			throw new DisabledException("This account is blocked");
		}
		this.guard.reset(normalized);
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
