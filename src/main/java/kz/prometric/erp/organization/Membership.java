package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "org_membership")
class Membership {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID userId;

	@Enumerated(EnumType.STRING)
	private WorkspaceRole role;

	private Instant createdAt;

	private boolean processOwner;

	@Version
	private long version;

	protected Membership() {
	}

	Membership(UUID workspaceId, UUID userId, WorkspaceRole role, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.userId = userId;
		this.role = role;
		this.createdAt = now;
	}

	void processOwner(boolean processOwner) {
		this.processOwner = processOwner;
	}

	/** The process owner right: granted, or held by the workspace's owner. */
	boolean processOwner() {
		return this.processOwner || this.role == WorkspaceRole.OWNER;
	}

	void changeRole(WorkspaceRole role) {
		this.role = role;
	}

	UUID workspaceId() {
		return this.workspaceId;
	}

	UUID userId() {
		return this.userId;
	}

	WorkspaceRole role() {
		return this.role;
	}

	Instant createdAt() {
		return this.createdAt;
	}

}
