package kz.prometric.erp.inventory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A place where a workspace keeps stock. Its code is unique in the workspace regardless
 * of case.
 */
@Entity
@Table(name = "inv_warehouse")
class Warehouse {

	@Id
	private UUID id;

	private UUID workspaceId;

	private String code;

	private String name;

	private String address;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Warehouse() {
	}

	Warehouse(UUID workspaceId, String code, String name, String address, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.code = code.strip();
		this.name = name.strip();
		this.address = optional(address);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/** {@code null} leaves a field; an empty address clears it. */
	void update(String code, String name, String address, Instant now) {
		if (code != null) {
			this.code = code.strip();
		}
		if (name != null) {
			this.name = name.strip();
		}
		if (address != null) {
			this.address = optional(address);
		}
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	WarehouseView view() {
		return new WarehouseView(this.id, this.workspaceId, this.code, this.name, this.address, this.createdAt,
				this.updatedAt);
	}

	private static String optional(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
