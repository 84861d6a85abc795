package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "org_employee")
class Employee {

	@Id
	private UUID id;

	private UUID organizationId;

	private UUID workspaceId;

	private UUID userId;

	private String name;

	private String email;

	private String position;

	private UUID departmentId;

	@Enumerated(EnumType.STRING)
	private WorkspaceRole organizationRole;

	@Enumerated(EnumType.STRING)
	private EmployeeStatus status;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Employee() {
	}

	Employee(UUID organizationId, UUID workspaceId, UUID userId, String name, String email, String position,
			UUID departmentId, WorkspaceRole organizationRole, Instant now) {
		this.id = UUID.randomUUID();
		this.organizationId = organizationId;
		this.workspaceId = workspaceId;
		this.userId = userId;
		this.name = name.strip();
		this.email = email.strip().toLowerCase(Locale.ROOT);
		this.position = position;
		this.departmentId = departmentId;
		this.organizationRole = (organizationRole != null) ? organizationRole : WorkspaceRole.MEMBER;
		this.status = EmployeeStatus.PENDING;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void update(String name, String position, UUID departmentId, WorkspaceRole organizationRole, Instant now) {
		if (name != null) {
			this.name = name.strip();
		}
		if (position != null) {
			this.position = position;
		}
		if (departmentId != null) {
			this.departmentId = departmentId;
		}
		if (organizationRole != null) {
			this.organizationRole = organizationRole;
		}
		this.updatedAt = now;
	}

	EmployeeView view() {
		return new EmployeeView(this.id, this.organizationId, this.workspaceId, this.userId, this.name, this.email,
				this.position, this.departmentId, this.organizationRole, this.status, this.createdAt);
	}

}
