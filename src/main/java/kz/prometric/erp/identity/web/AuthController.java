package kz.prometric.erp.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.AuthTokens;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.RegisterUser;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
@Tag(name = "Authentication")
class AuthController {

	private final IdentityManagement identity;

	AuthController(IdentityManagement identity) {
		this.identity = identity;
	}

	/**
	 * Answers 202 with the same body whether or not the address already has an account,
	 * so registration does not reveal which addresses do; the mailbox learns the rest.
	 */
	@PostMapping("/register")
	@Operation(summary = "Register a user; a personal workspace is created for them and a confirmation link is "
			+ "mailed. Answers 202 whether or not the address already has an account (its owner is told by mail)")
	ResponseEntity<RegistrationResponse> register(@Valid @RequestBody RegisterRequest request) {
		this.identity
			.register(new RegisterUser(request.email(), request.password(), request.firstName(), request.lastName()));
		return ResponseEntity.accepted().body(RegistrationResponse.of(request.email()));
	}

	@PostMapping(path = "/verify-email", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Confirm an e-mail address with the token from the confirmation mail; needed before "
			+ "accepting invitations")
	UserResponse verifyEmail(@Valid @RequestBody VerifyEmailRequest request) {
		return UserResponse.of(this.identity.verifyEmail(request.token()), this.identity);
	}

	@PostMapping("/resend-verification")
	@Operation(summary = "Mail a new confirmation link if the address has an unconfirmed account; answers 202 "
			+ "in every case")
	ResponseEntity<RegistrationResponse> resendVerification(@Valid @RequestBody ResendVerificationRequest request) {
		this.identity.resendVerification(request.email());
		return ResponseEntity.accepted().body(RegistrationResponse.of(request.email()));
	}

	@PostMapping("/login")
	@Operation(summary = "Log in with e-mail and password; answers an access and a refresh token")
	TokenResponse login(@Valid @RequestBody LoginRequest request) {
		return TokenResponse.of(this.identity.login(request.email(), request.password()));
	}

	@PostMapping("/refresh")
	@Operation(summary = "Exchange a refresh token for a new token pair; each refresh token works once")
	TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
		return TokenResponse.of(this.identity.refresh(request.refreshToken()));
	}

	@PostMapping("/logout")
	@Operation(summary = "End the current session: its access and refresh tokens stop working; "
			+ "with everywhere=true every session of the user ends, webapp logins included")
	ResponseEntity<Void> logout(@RequestParam(defaultValue = "false") boolean everywhere) {
		if (everywhere) {
			this.identity.logoutEverywhere(CurrentUser.id());
		}
		this.identity.logout(this.identity.currentSessionId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/change-password")
	@Operation(summary = "Change your password, giving the current one: every other session of yours ends "
			+ "(this one stays) and a mail tells you. A wrong current password is 422 naming currentPassword")
	ResponseEntity<Void> changePassword(@Valid @RequestBody ChangePasswordRequest request) {
		this.identity.changePassword(CurrentUser.id(), this.identity.currentSessionId(), request.currentPassword(),
				request.newPassword());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Answers 202 with the same body whether or not the address has an account, so it
	 * does not reveal which addresses do; too many requests from one address answer 429.
	 */
	@PostMapping("/forgot-password")
	@Operation(summary = "Mail a link to reset a forgotten password (valid 30 minutes, once) if the address has "
			+ "an account; answers 202 in every case, 429 after too many requests from your address")
	ResponseEntity<RegistrationResponse> forgotPassword(@Valid @RequestBody ForgotPasswordRequest request) {
		this.identity.requestPasswordReset(request.email());
		return ResponseEntity.accepted()
			.body(new RegistrationResponse(request.email().strip().toLowerCase(java.util.Locale.ROOT),
					"If this address has an account, we sent it a link to choose a new password. "
							+ "The link works once, for a short while."));
	}

	@PostMapping("/reset-password")
	@Operation(summary = "Set a new password with the token from the reset mail; the token works once and "
			+ "every session of the account ends. An unknown, used or expired token is 400 naming token")
	ResponseEntity<Void> resetPassword(@Valid @RequestBody ResetPasswordRequest request) {
		this.identity.resetPassword(request.token(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	record ChangePasswordRequest(@NotBlank @Size(max = 72) String currentPassword,
			@NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword) {
	}

	record ForgotPasswordRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	record ResetPasswordRequest(@NotBlank @Size(max = 200) String token,
			@NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String newPassword) {
	}

	record RegisterRequest(@NotBlank @Email @Size(max = 254) String email,
			@NotBlank @Size(min = 8, max = 72, message = "must be 8 to 72 characters") String password,
			@NotBlank @Size(max = 100) String firstName, @NotBlank @Size(max = 100) String lastName) {
	}

	record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
	}

	record ResendVerificationRequest(@NotBlank @Email @Size(max = 254) String email) {
	}

	/** The same for every address, known or not. */
	record RegistrationResponse(String email, String message) {

		static RegistrationResponse of(String email) {
			return new RegistrationResponse(email.strip().toLowerCase(java.util.Locale.ROOT),
					"We sent a message to this address. Open the link in it to confirm the address; "
							+ "you need a confirmed address to accept invitations.");
		}

	}

	record LoginRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 72) String password) {
	}

	record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
	}

	record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {

		static TokenResponse of(AuthTokens tokens) {
			return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer");
		}

	}

}
