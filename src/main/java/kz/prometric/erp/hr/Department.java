package kz.prometric.erp.hr;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "hr_department")
class Department {

	@Id
	private UUID id;

	private UUID organizationId;

	private UUID workspaceId;

	private String name;

	private String description;

	private Instant createdAt;

	@Version
	private long version;

	protected Department() {
	}

	Department(UUID organizationId, UUID workspaceId, String name, String description, Instant now) {
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.workspaceId = workspaceId;
		this.name = name.strip();
		this.description = description;
		this.createdAt = now;
	}

	void update(String name, String description) {
		if (name != null) {
			this.name = name.strip();
		}
		if (description != null) {
			this.description = description;
		}
	}

	UUID id() {
		return this.id;
	}

	UUID organizationId() {
		return this.organizationId;
	}

	DepartmentView view() {
		return new DepartmentView(this.id, this.organizationId, this.name, this.description, this.createdAt);
	}

}
