package kz.prometric.erp.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.shared.NotFoundException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class MeController {

	private final IdentityManagement identity;

	MeController(IdentityManagement identity) {
		this.identity = identity;
	}

	@GetMapping("/api/me")
	@Operation(summary = "The authenticated user")
	UserResponse me() {
		return this.identity.findById(CurrentUser.id())
			.map(UserResponse::of)
			.orElseThrow(() -> new NotFoundException("User", CurrentUser.id()));
	}

}
