package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A tenant: every business record belongs to exactly one workspace, and process instances
 * carry its id as their Camunda tenant id.
 */
@Entity
@Table(name = "org_workspace")
class Workspace {

	@Id
	private UUID id;

	private String name;

	@Enumerated(EnumType.STRING)
	private WorkspaceType type;

	private UUID ownerId;

	private UUID organizationId;

	private boolean active;

	private Instant createdAt;

	@Version
	private long version;

	protected Workspace() {
	}

	private Workspace(String name, WorkspaceType type, UUID ownerId, UUID organizationId, Instant now) {
		this.id = UUID.randomUUID();
		this.name = name;
		this.type = type;
		this.ownerId = ownerId;
		this.organizationId = organizationId;
		this.active = true;
		this.createdAt = now;
	}

	static Workspace personal(UUID ownerId, String ownerName, Instant now) {
		return new Workspace(ownerName, WorkspaceType.PERSONAL, ownerId, null, now);
	}

	static Workspace company(Organization organization, Instant now) {
		return new Workspace(organization.name(), WorkspaceType.COMPANY, organization.ownerId(), organization.id(),
				now);
	}

	void rename(String name) {
		this.name = name;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	WorkspaceType type() {
		return this.type;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	UUID organizationId() {
		return this.organizationId;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	WorkspaceView viewFor(WorkspaceRole role) {
		return new WorkspaceView(this.id, this.name, this.type, this.organizationId, role, this.createdAt);
	}

}
