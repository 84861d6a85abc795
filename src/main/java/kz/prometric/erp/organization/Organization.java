package kz.prometric.erp.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.KzIdentificationNumber;

/**
 * A company registered in Kazakhstan, identified by its BIN, which must pass the official
 * check-digit rule and is unique across the whole system.
 */
@Entity
@Table(name = "org_organization")
class Organization {

	@Id
	private UUID id;

	private String name;

	private String bin;

	private UUID ownerId;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Organization() {
	}

	Organization(String name, String bin, UUID ownerId, Instant now) {
		String problem = KzIdentificationNumber.binProblem(bin);
		if (problem != null) {
			throw new InvalidInputException("bin", "is not a valid BIN: " + problem);
		}
		this.id = UUID.randomUUID();
		this.name = name.strip();
		this.bin = bin;
		this.ownerId = ownerId;
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void rename(String name, Instant now) {
		this.name = name.strip();
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	UUID ownerId() {
		return this.ownerId;
	}

	OrganizationView view(UUID workspaceId) {
		return new OrganizationView(this.id, this.name, this.bin, this.ownerId, workspaceId, this.active,
				this.createdAt);
	}

}
