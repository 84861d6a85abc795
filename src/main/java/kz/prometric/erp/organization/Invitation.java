package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.ConflictException;

/**
 * An invitation of an e-mail address into a workspace with a role. Only the user who owns
 * that address can accept or decline it; it expires after a while.
 */
@Entity
@Table(name = "org_invitation")
class Invitation {

	enum Status {

		PENDING, ACCEPTED, DECLINED, REVOKED

	}

	@Id
	private UUID id;

	private UUID workspaceId;

	private String email;

	@Enumerated(EnumType.STRING)
	private WorkspaceRole role;

	private UUID invitedBy;

	@Enumerated(EnumType.STRING)
	private Status status;

	private Instant createdAt;

	private Instant expiresAt;

	private Instant respondedAt;

	/**
	 * SHA-256 of the secret in the mailed link; null until the mail is sent. Written only
	 * by {@link Invitations#mintToken}.
	 */
	@Column(insertable = false, updatable = false)
	private String tokenHash;

	@Version
	private long version;

	protected Invitation() {
	}

	Invitation(UUID workspaceId, String email, WorkspaceRole role, UUID invitedBy, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.role = role;
		this.invitedBy = invitedBy;
		this.status = Status.PENDING;
		this.createdAt = now;
		this.expiresAt = expiresAt;
	}

	/** Pending and not expired: its link may still be answered. */
	boolean isOpen(Instant now) {
		return this.status == Status.PENDING && now.isBefore(this.expiresAt);
	}

	void accept(Instant now) {
		respond(Status.ACCEPTED, now);
	}

	void decline(Instant now) {
		respond(Status.DECLINED, now);
	}

	void revoke(Instant now) {
		respond(Status.REVOKED, now);
	}

	private void respond(Status outcome, Instant now) {
		if (this.status != Status.PENDING) {
			throw new ConflictException("The invitation is already " + this.status.name().toLowerCase(Locale.ROOT));
		}
		if (outcome != Status.REVOKED && !now.isBefore(this.expiresAt)) {
			throw new ConflictException("The invitation has expired");
		}
		this.status = outcome;
		this.respondedAt = now;
	}

	UUID id() {
		return this.id;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	String email() {
		return this.email;
	}

	UUID invitedBy() {
		return this.invitedBy;
	}

	Instant expiresAt() {
		return this.expiresAt;
	}

	WorkspaceRole role() {
		return this.role;
	}

	InvitationView view(String workspaceName) {
		return new InvitationView(this.id, this.workspaceId, workspaceName, this.email, this.role, this.status.name(),
				this.invitedBy, this.createdAt, this.expiresAt);
	}

}
