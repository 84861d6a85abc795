package kz.prometric.erp.organization.web;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.OrganizationManagement;
import kz.prometric.erp.organization.OrganizationView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
@Tag(name = "Organizations")
class OrganizationController {

	private final OrganizationManagement organizations;

	OrganizationController(OrganizationManagement organizations) {
		this.organizations = organizations;
	}

	@PostMapping
	@Operation(summary = "Register an organization by its BIN; creates its company workspace with you as owner")
	ResponseEntity<OrganizationResponse> create(@Valid @RequestBody CreateOrganizationRequest request) {
		OrganizationView created = this.organizations.create(request.name(), request.bin(), CurrentUser.id());
		return ResponseEntity.created(URI.create("/api/organizations/" + created.id()))
			.body(OrganizationResponse.of(created));
	}

	@GetMapping
	@Operation(summary = "Organizations you belong to; sort by name, createdAt or bin")
	PageResult<OrganizationResponse> list(PageQuery page) {
		return this.organizations.organizationsOf(CurrentUser.id(), page).map(OrganizationResponse::of);
	}

	@GetMapping("/{organizationId}")
	OrganizationResponse get(@PathVariable UUID organizationId) {
		return OrganizationResponse.of(this.organizations.organization(organizationId, CurrentUser.id()));
	}

	@PatchMapping("/{organizationId}")
	@Operation(summary = "Rename an organization (admins and owner)")
	OrganizationResponse rename(@PathVariable UUID organizationId,
			@Valid @RequestBody RenameOrganizationRequest request) {
		return OrganizationResponse.of(this.organizations.rename(organizationId, CurrentUser.id(), request.name()));
	}

	record CreateOrganizationRequest(@NotBlank @Size(max = 255) String name, @NotBlank String bin) {
	}

	record RenameOrganizationRequest(@NotBlank @Size(max = 255) String name) {
	}

	record OrganizationResponse(UUID id, String name, String bin, UUID ownerId, UUID workspaceId, boolean active,
			Instant createdAt) {

		static OrganizationResponse of(OrganizationView view) {
			return new OrganizationResponse(view.id(), view.name(), view.bin(), view.ownerId(), view.workspaceId(),
					view.active(), view.createdAt());
		}

	}

}
