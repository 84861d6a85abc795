package kz.prometric.erp.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organizations, their departments and employees. Everything about an organization is
 * visible to the members of its company workspace (404 to everyone else) and changed by
 * its admins and owner (403 to other members).
 */
@Service
public class OrganizationManagement {

	static final SortableFields ORGANIZATION_SORT = SortableFields.of("name", "name", "createdAt", "createdAt", "bin",
			"bin");

	private final Organizations organizations;

	private final Workspaces workspaces;

	private final WorkspaceManagement workspaceManagement;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OrganizationManagement(Organizations organizations, Workspaces workspaces, WorkspaceManagement workspaceManagement,
			IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
		this.organizations = organizations;
		this.workspaces = workspaces;
		this.workspaceManagement = workspaceManagement;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates an organization and its company workspace, with the caller as owner. The
	 * BIN must pass the Kazakhstan check-digit rule (400) and be unused (409). Publishes
	 * {@link OrganizationCreated}.
	 */
	@Transactional
	public OrganizationView create(String name, String bin, UUID callerId) {
		Instant now = this.clock.instant();
		Organization organization = new Organization(name, bin, callerId, now);
		if (this.organizations.existsByBin(bin)) {
			throw new ConflictException("bin", "An organization with this BIN is already registered");
		}
		try {
			this.organizations.saveAndFlush(organization);
		}
		catch (DataIntegrityViolationException ex) {
			if (DatabaseConstraints.isUniqueViolation(ex, "uq_org_organization_bin")) {
				// a concurrent registration of the same BIN won the race
				throw new ConflictException("bin", "An organization with this BIN is already registered");
			}
			throw ex;
		}
		Workspace workspace = this.workspaceManagement.createCompanyWorkspace(organization, now);
		this.identity.completeRegistration(callerId);
		this.events.publishEvent(new OrganizationCreated(organization.id(), workspace.id(), bin, callerId, now));
		return organization.view(workspace.id());
	}

	@Transactional(readOnly = true)
	public PageResult<OrganizationView> organizationsOf(UUID callerId, PageQuery query) {
		return PageResult.of(this.organizations.findVisibleTo(callerId, query.toPageable(ORGANIZATION_SORT)),
				o -> o.view(companyWorkspace(o.id()).id()));
	}

	@Transactional(readOnly = true)
	public OrganizationView organization(UUID organizationId, UUID callerId) {
		return access(organizationId, callerId, WorkspaceRole.MEMBER).view();
	}

	@Transactional
	public OrganizationView rename(UUID organizationId, UUID callerId, String name) {
		Access access = access(organizationId, callerId, WorkspaceRole.ADMIN);
		access.organization().rename(name, this.clock.instant());
		access.workspace().rename(access.organization().name());
		return access.view();
	}

	/**
	 * The company workspace of an organization the caller may act in with at least the
	 * given role: 404 when the organization does not exist or the caller is not a member
	 * of its workspace, 403 when the role is too low. For modules that keep data per
	 * organization (departments, employees).
	 */
	@Transactional(readOnly = true)
	public UUID requireCompanyWorkspace(UUID organizationId, UUID callerId, WorkspaceRole minimum) {
		return access(organizationId, callerId, minimum).workspace().id();
	}

	/** The organization a company workspace belongs to, or empty (no access check). */
	@Transactional(readOnly = true)
	public Optional<UUID> organizationIdOfWorkspace(UUID workspaceId) {
		return this.workspaces.findById(workspaceId).map(Workspace::organizationId);
	}

	/**
	 * The organization whose company workspace this is, for documents that name the
	 * seller (no access check); empty for a personal workspace.
	 */
	@Transactional(readOnly = true)
	public Optional<OrganizationView> organizationOfWorkspace(UUID workspaceId) {
		return this.workspaces.findById(workspaceId)
			.filter(w -> w.organizationId() != null)
			.flatMap(w -> this.organizations.findById(w.organizationId()).map(o -> o.view(w.id())));
	}

	private Access access(UUID organizationId, UUID callerId, WorkspaceRole minimum) {
		Organization organization = this.organizations.findById(organizationId)
			.orElseThrow(() -> new NotFoundException("Organization", organizationId));
		Workspace workspace = companyWorkspace(organizationId);
		try {
			this.workspaceManagement.requireRole(workspace.id(), callerId, minimum);
		}
		catch (NotFoundException ex) {
			throw new NotFoundException("Organization", organizationId);
		}
		return new Access(organization, workspace);
	}

	private Workspace companyWorkspace(UUID organizationId) {
		return this.workspaces.findByOrganizationIdAndType(organizationId, WorkspaceType.COMPANY)
			.orElseThrow(() -> new NotFoundException("Organization", organizationId));
	}

	private record Access(Organization organization, Workspace workspace) {

		OrganizationView view() {
			return this.organization.view(this.workspace.id());
		}

	}

}
