package kz.prometric.erp.identity.web;

import java.time.Instant;
import java.util.UUID;

import kz.prometric.erp.identity.UserAccount;

record UserResponse(UUID id, String email, String firstName, String lastName, String status, String registrationStatus,
		boolean emailVerified, Instant createdAt) {

	static UserResponse of(UserAccount user) {
		return new UserResponse(user.id(), user.email(), user.firstName(), user.lastName(), user.status(),
				user.registrationStatus(), user.emailVerified(), user.createdAt());
	}

}
