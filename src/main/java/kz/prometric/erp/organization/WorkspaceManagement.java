package kz.prometric.erp.organization;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.LinkTokens;
import kz.prometric.erp.identity.RegisterUser;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.identity.UserRegistered;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workspaces, memberships and invitations, and the one place that decides whether a user
 * may see or change a workspace's data. A caller who is not a member of a workspace gets
 * {@link NotFoundException} for it (so other tenants' ids cannot be probed); a member
 * whose role is too low gets {@link ForbiddenException}.
 */
@Service
public class WorkspaceManagement {

	static final SortableFields WORKSPACE_SORT = SortableFields.of("name", "name", "createdAt", "createdAt", "type",
			"type");

	static final SortableFields MEMBER_SORT = SortableFields.of("joinedAt", "createdAt", "role", "role");

	static final SortableFields INVITATION_SORT = SortableFields.of("createdAt", "createdAt", "email", "email",
			"status", "status");

	private static final Duration INVITATION_VALIDITY = Duration.ofDays(14);

	private final Workspaces workspaces;

	private final Memberships memberships;

	private final Invitations invitations;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WorkspaceManagement(Workspaces workspaces, Memberships memberships, Invitations invitations,
			IdentityManagement identity, ApplicationEventPublisher events, Clock clock) {
		this.workspaces = workspaces;
		this.memberships = memberships;
		this.invitations = invitations;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The caller's role in the workspace; 404 when the workspace does not exist or the
	 * caller is not a member. One statement, in the caller's transaction if there is one
	 * (no transaction of its own: it runs on every workspace request).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public WorkspaceRole requireMember(UUID workspaceId, UUID userId) {
		return this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
			.map(Membership::role)
			.orElseThrow(() -> new NotFoundException("Workspace", workspaceId));
	}

	/**
	 * Like {@link #requireMember}, and 403 when the caller's role is below
	 * {@code minimum}.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public WorkspaceRole requireRole(UUID workspaceId, UUID userId, WorkspaceRole minimum) {
		WorkspaceRole role = requireMember(workspaceId, userId);
		if (!role.includes(minimum)) {
			throw new ForbiddenException("This needs the " + minimum + " role in the workspace; you are " + role);
		}
		return role;
	}

	@Transactional(readOnly = true)
	public PageResult<WorkspaceView> workspacesOf(UUID userId, PageQuery query) {
		Map<UUID, WorkspaceRole> roles = this.memberships.findByUserId(userId)
			.stream()
			.collect(Collectors.toMap(Membership::workspaceId, Membership::role));
		Page<Workspace> page = this.workspaces.findVisibleTo(userId, query.toPageable(WORKSPACE_SORT));
		return PageResult.of(page, w -> w.viewFor(roles.get(w.id())));
	}

	@Transactional(readOnly = true)
	public WorkspaceView workspace(UUID workspaceId, UUID userId) {
		WorkspaceRole role = requireMember(workspaceId, userId);
		return load(workspaceId).viewFor(role);
	}

	/**
	 * Workspace names by id, for tenant lists (no access check: callers hold the ids
	 * already).
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> workspaceNames(Collection<UUID> ids) {
		return this.workspaces.findAllById(ids).stream().collect(Collectors.toMap(Workspace::id, Workspace::name));
	}

	/**
	 * Every workspace the user belongs to, with their role; what the process engine
	 * treats as tenants and groups.
	 */
	@Transactional(readOnly = true)
	public List<WorkspaceMembership> membershipsOf(UUID userId) {
		return this.memberships.recordsOfUser(userId);
	}

	@Transactional(readOnly = true)
	public List<WorkspaceMembership> membershipsIn(UUID workspaceId) {
		return this.memberships.recordsInWorkspace(workspaceId);
	}

	/**
	 * Memberships with one of {@code roles} in workspaces of {@code type}, across all
	 * tenants.
	 */
	@Transactional(readOnly = true)
	public List<WorkspaceMembership> membershipsWithRoles(WorkspaceType type, Collection<WorkspaceRole> roles) {
		return this.memberships.recordsWithRoles(type, roles);
	}

	/**
	 * Every active workspace's name by id; for platform administrators' views of all
	 * tenants.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, String> allWorkspaceNames() {
		return this.workspaces.findAll().stream().collect(Collectors.toMap(Workspace::id, Workspace::name));
	}

	@Transactional(readOnly = true)
	public PageResult<MemberView> members(UUID workspaceId, UUID callerId, PageQuery query) {
		requireMember(workspaceId, callerId);
		Page<Membership> page = this.memberships.findByWorkspaceId(workspaceId, query.toPageable(MEMBER_SORT));
		Map<UUID, UserAccount> users = usersById(page.getContent().stream().map(Membership::userId).toList());
		return PageResult.of(page, m -> memberView(m, users.get(m.userId())));
	}

	/**
	 * Changes a member's role. Admins manage managers and members; only the owner grants
	 * or removes the admin role; the owner's own role never changes and nobody becomes a
	 * second owner.
	 */
	@Transactional
	public MemberView changeRole(UUID workspaceId, UUID callerId, UUID userId, WorkspaceRole newRole) {
		WorkspaceRole callerRole = requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Membership target = this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
			.orElseThrow(() -> new NotFoundException("Member", userId));
		if (newRole == WorkspaceRole.OWNER || target.role() == WorkspaceRole.OWNER) {
			throw new BusinessRuleViolation("role", "The workspace owner cannot be changed or added");
		}
		ensureMayManage(callerRole, target.role(), newRole);
		target.changeRole(newRole);
		return memberView(target, this.identity.findById(userId).orElse(null));
	}

	/**
	 * Grants or revokes a member's process owner right (deploying the workspace's own
	 * versions of processes, decision tables and forms). Owners and admins only (403);
	 * the owner always holds it (422 on revoking it); an unknown member 404.
	 */
	@Transactional
	public MemberView setProcessOwner(UUID workspaceId, UUID callerId, UUID userId, boolean processOwner) {
		requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Membership target = this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
			.orElseThrow(() -> new NotFoundException("Member", userId));
		if (target.role() == WorkspaceRole.OWNER && !processOwner) {
			throw new BusinessRuleViolation("processOwner", "The workspace owner is always a process owner");
		}
		target.processOwner(processOwner);
		return memberView(target, this.identity.findById(userId).orElse(null));
	}

	/**
	 * Whether the user holds the process owner right in the workspace now (the owner
	 * always does); {@code false} for non-members. In the caller's transaction if any.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public boolean isProcessOwner(UUID workspaceId, UUID userId) {
		return this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
			.map(Membership::processOwner)
			.orElse(false);
	}

	/** Removes a member; anyone but the owner may also leave on their own. */
	@Transactional
	public void removeMember(UUID workspaceId, UUID callerId, UUID userId) {
		WorkspaceRole callerRole = requireMember(workspaceId, callerId);
		Membership target = this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId)
			.orElseThrow(() -> new NotFoundException("Member", userId));
		if (target.role() == WorkspaceRole.OWNER) {
			throw new BusinessRuleViolation("userId", "The workspace owner cannot be removed");
		}
		if (!callerId.equals(userId)) {
			if (!callerRole.includes(WorkspaceRole.ADMIN)) {
				throw new ForbiddenException("Only admins remove other members");
			}
			ensureMayManage(callerRole, target.role(), target.role());
		}
		leave(target);
	}

	/**
	 * Ends a user's membership of one workspace without a caller (an employee's last
	 * day): from the commit on every entry point refuses him there, while his other
	 * workspaces stay. The owner cannot be removed (422); a user who is not a member is
	 * left as he is ({@code false}).
	 */
	@Transactional
	public boolean endMembership(UUID workspaceId, UUID userId) {
		Optional<Membership> target = this.memberships.findByWorkspaceIdAndUserId(workspaceId, userId);
		if (target.isEmpty()) {
			return false;
		}
		if (target.get().role() == WorkspaceRole.OWNER) {
			throw new BusinessRuleViolation("userId", "The workspace owner cannot be removed");
		}
		leave(target.get());
		return true;
	}

	private void leave(Membership membership) {
		this.memberships.delete(membership);
		this.events.publishEvent(new MemberLeft(membership.workspaceId(), membership.userId(), this.clock.instant()));
	}

	/**
	 * Invites an e-mail address into a company workspace with a role below owner.
	 * Publishes {@link InvitationSent} (e-mailed after commit). 409 when the address is
	 * already a member or has an open invitation.
	 */
	@Transactional
	public InvitationView invite(UUID workspaceId, UUID callerId, String email, WorkspaceRole role) {
		WorkspaceRole callerRole = requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		ensureMayManage(callerRole, role, role);
		return sendInvitation(workspaceId, callerId, email, role);
	}

	/**
	 * Invites a new employee's address on behalf of the person who hired him (no role
	 * check: the HR module has checked it). Empty when the address already belongs to a
	 * member or has an open invitation, so a repeated onboarding step invites once.
	 */
	@Transactional
	public Optional<InvitationView> inviteEmployee(UUID workspaceId, UUID invitedBy, String email, WorkspaceRole role) {
		Instant now = this.clock.instant();
		Optional<UserAccount> existing = this.identity.findByEmail(email);
		if ((existing.isPresent() && this.memberships.existsByWorkspaceIdAndUserId(workspaceId, existing.get().id()))
				|| this.invitations.existsOpen(workspaceId, email.strip().toLowerCase(Locale.ROOT), now)) {
			return Optional.empty();
		}
		return Optional.of(sendInvitation(workspaceId, invitedBy, email, role));
	}

	private InvitationView sendInvitation(UUID workspaceId, UUID callerId, String email, WorkspaceRole role) {
		Workspace workspace = load(workspaceId);
		if (workspace.type() != WorkspaceType.COMPANY) {
			throw new BusinessRuleViolation("workspaceId", "Only company workspaces take members");
		}
		if (role == WorkspaceRole.OWNER) {
			throw new BusinessRuleViolation("role", "Nobody can be invited as owner");
		}
		Instant now = this.clock.instant();
		Optional<UserAccount> existing = this.identity.findByEmail(email);
		if (existing.isPresent() && this.memberships.existsByWorkspaceIdAndUserId(workspaceId, existing.get().id())) {
			throw new ConflictException("email", "This person is already a member of the workspace");
		}
		Invitation invitation = new Invitation(workspaceId, email, role, callerId, now, now.plus(INVITATION_VALIDITY));
		if (this.invitations.existsOpen(workspaceId, invitation.email(), now)) {
			throw new ConflictException("email", "This address already has an open invitation");
		}
		this.invitations.save(invitation);
		String inviter = this.identity.findById(callerId).map(UserAccount::displayName).orElse("A colleague");
		this.events.publishEvent(new InvitationSent(invitation.id(), workspaceId, workspace.name(), invitation.email(),
				role, inviter, now.plus(INVITATION_VALIDITY), now));
		return invitation.view(workspace.name());
	}

	@Transactional(readOnly = true)
	public PageResult<InvitationView> invitations(UUID workspaceId, UUID callerId, PageQuery query) {
		requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		String name = load(workspaceId).name();
		return PageResult.of(this.invitations.findByWorkspaceId(workspaceId, query.toPageable(INVITATION_SORT)),
				i -> i.view(name));
	}

	@Transactional
	public void revokeInvitation(UUID workspaceId, UUID callerId, UUID invitationId) {
		requireRole(workspaceId, callerId, WorkspaceRole.ADMIN);
		Invitation invitation = this.invitations.findById(invitationId)
			.filter(i -> i.workspaceId().equals(workspaceId))
			.orElseThrow(() -> new NotFoundException("Invitation", invitationId));
		invitation.revoke(this.clock.instant());
	}

	/**
	 * Open invitations addressed to the caller's e-mail. 403 until the caller has
	 * confirmed the address (see {@link #acceptInvitation}).
	 */
	@Transactional(readOnly = true)
	public PageResult<InvitationView> invitationsFor(UUID callerId, PageQuery query) {
		String email = verifiedCaller(callerId).email();
		Page<Invitation> page = this.invitations.findOpenFor(email, this.clock.instant(),
				query.toPageable(INVITATION_SORT));
		Map<UUID, String> names = workspaceNames(page.getContent().stream().map(Invitation::workspaceId).toList());
		return PageResult.of(page, i -> i.view(names.get(i.workspaceId())));
	}

	/**
	 * Accepts an invitation addressed to the caller: they become a member with the
	 * invited role. The caller must have confirmed their e-mail address (403 otherwise),
	 * so whoever registers an invited address first cannot take the invitation; an
	 * invitation to another address answers 404.
	 */
	@Transactional
	public WorkspaceView acceptInvitation(UUID invitationId, UUID callerId) {
		Invitation invitation = invitationFor(invitationId, callerId);
		Instant now = this.clock.instant();
		invitation.accept(now);
		Membership membership = this.memberships.findByWorkspaceIdAndUserId(invitation.workspaceId(), callerId)
			.orElseGet(() -> join(invitation.workspaceId(), callerId, invitation.role(), now));
		this.identity.completeRegistration(callerId);
		return load(invitation.workspaceId()).viewFor(membership.role());
	}

	/**
	 * Mints the secret of an invitation's link for its mail
	 * ({@code /invitations/{token}}): a new random token whose hash replaces any earlier
	 * one, committed at once so the link works the moment the mail arrives. Empty when
	 * the invitation is no longer open.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> mintInvitationToken(UUID invitationId) {
		String token = LinkTokens.newToken();
		return (this.invitations.mintToken(invitationId, LinkTokens.hash(token), this.clock.instant()) == 1)
				? Optional.of(token) : Optional.empty();
	}

	/**
	 * The open invitation an invitation link names, for its page (no login needed: the
	 * token was mailed only to the invited address). When the token is unknown or the
	 * invitation was answered, revoked or has expired: 400 naming {@code token}.
	 */
	@Transactional(readOnly = true)
	public InvitationLink invitationLink(String token) {
		Invitation invitation = openInvitation(token);
		String inviter = this.identity.findById(invitation.invitedBy())
			.map(UserAccount::displayName)
			.orElse("A colleague");
		return new InvitationLink(invitation.id(), invitation.workspaceId(), load(invitation.workspaceId()).name(),
				invitation.email(), invitation.role(), inviter, invitation.expiresAt(),
				this.identity.findByEmail(invitation.email()).isPresent());
	}

	/**
	 * Accepts the invitation of a link for the logged-in caller: he joins the
	 * invitation's workspace (and only that one) with its role. The caller must be the
	 * invited address (403 otherwise); since the link was mailed only there, holding it
	 * confirms his address. 400 naming {@code token} when the link is unknown or no
	 * longer open.
	 */
	@Transactional
	public WorkspaceView acceptInvitationLink(String token, UUID callerId) {
		Invitation invitation = openInvitation(token);
		UserAccount caller = caller(callerId);
		if (!caller.email().equals(invitation.email())) {
			throw new ForbiddenException("This invitation is for " + invitation.email() + "; you are logged in as "
					+ caller.email() + ". Log in with the invited address");
		}
		this.identity.confirmAddressProven(callerId, invitation.email());
		return acceptInvitation(invitation.id(), callerId);
	}

	/**
	 * Registers the invited address from an invitation link and accepts the invitation:
	 * the new account is confirmed at once (the link proves the address) and joins the
	 * workspace. An unconfirmed account of the address becomes the registrant's; a
	 * confirmed one is 409 naming {@code email} (its owner logs in and accepts). 400
	 * naming {@code token} when the link is unknown or no longer open.
	 */
	@Transactional
	public WorkspaceView registerByInvitationLink(String token, String password, String firstName, String lastName) {
		Invitation invitation = openInvitation(token);
		UserAccount user = this.identity
			.registerProvenAddress(new RegisterUser(invitation.email(), password, firstName, lastName));
		return acceptInvitation(invitation.id(), user.id());
	}

	private Invitation openInvitation(String token) {
		Instant now = this.clock.instant();
		return this.invitations.findByTokenHash(LinkTokens.hash(token))
			.filter(i -> i.isOpen(now))
			.orElseThrow(() -> new InvalidInputException("token",
					"The invitation link is unknown, already answered or expired; ask for a new invitation"));
	}

	/**
	 * Declines an invitation addressed to the caller; like accepting, needs a confirmed
	 * address.
	 */
	@Transactional
	public void declineInvitation(UUID invitationId, UUID callerId) {
		invitationFor(invitationId, callerId).decline(this.clock.instant());
	}

	/**
	 * Every registered user gets a personal workspace, in the registering transaction.
	 */
	@EventListener
	void on(UserRegistered registered) {
		if (this.workspaces.findByOwnerIdAndType(registered.userId(), WorkspaceType.PERSONAL).isEmpty()) {
			Workspace workspace = this.workspaces.save(Workspace.personal(registered.userId(),
					registered.firstName() + " " + registered.lastName(), registered.occurredAt()));
			join(workspace.id(), registered.userId(), WorkspaceRole.OWNER, registered.occurredAt());
		}
	}

	Workspace createCompanyWorkspace(Organization organization, Instant now) {
		Workspace workspace = this.workspaces.save(Workspace.company(organization, now));
		join(workspace.id(), organization.ownerId(), WorkspaceRole.OWNER, now);
		return workspace;
	}

	Membership join(UUID workspaceId, UUID userId, WorkspaceRole role, Instant now) {
		Membership membership = this.memberships.save(new Membership(workspaceId, userId, role, now));
		this.events.publishEvent(new MemberJoined(workspaceId, userId, role, now));
		return membership;
	}

	Workspace load(UUID workspaceId) {
		return this.workspaces.findById(workspaceId).orElseThrow(() -> new NotFoundException("Workspace", workspaceId));
	}

	private Invitation invitationFor(UUID invitationId, UUID callerId) {
		String email = verifiedCaller(callerId).email();
		return this.invitations.findById(invitationId)
			.filter(i -> i.email().equals(email))
			.orElseThrow(() -> new NotFoundException("Invitation", invitationId));
	}

	/**
	 * The caller, who must have confirmed their e-mail address: invitations go to an
	 * address, and only its proven owner may see or answer them.
	 */
	private UserAccount verifiedCaller(UUID callerId) {
		UserAccount caller = caller(callerId);
		if (!caller.emailVerified()) {
			throw new ForbiddenException("Confirm your e-mail address first: open the link we mailed to "
					+ caller.email() + " (POST /api/auth/resend-verification sends a new one)");
		}
		return caller;
	}

	private UserAccount caller(UUID callerId) {
		return this.identity.findById(callerId).orElseThrow(() -> new NotFoundException("User", callerId));
	}

	private Map<UUID, UserAccount> usersById(List<UUID> ids) {
		return this.identity.findAllById(ids).stream().collect(Collectors.toMap(UserAccount::id, Function.identity()));
	}

	private static void ensureMayManage(WorkspaceRole callerRole, WorkspaceRole currentRole, WorkspaceRole newRole) {
		boolean touchesAdmin = currentRole == WorkspaceRole.ADMIN || newRole == WorkspaceRole.ADMIN;
		if (touchesAdmin && callerRole != WorkspaceRole.OWNER) {
			throw new ForbiddenException("Only the workspace owner manages admins");
		}
	}

	private static MemberView memberView(Membership membership, UserAccount user) {
		return new MemberView(membership.userId(), (user != null) ? user.email() : null,
				(user != null) ? user.firstName() : null, (user != null) ? user.lastName() : null, membership.role(),
				membership.createdAt(), membership.processOwner());
	}

}
