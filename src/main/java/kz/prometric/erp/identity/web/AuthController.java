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
		return UserResponse.of(this.identity.verifyEmail(request.token()));
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
