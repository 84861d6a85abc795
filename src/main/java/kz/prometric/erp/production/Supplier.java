package kz.prometric.erp.production;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.KzIdentificationNumber;

/**
 * A company a workspace buys from. Its BIN, when known, passes the Kazakhstan check-digit
 * rule (400 otherwise); an inactive supplier keeps its prices but is not chosen for new
 * purchase orders.
 */
@Entity
@Table(name = "prod_supplier")
class Supplier {

	@Id
	private UUID id;

	private UUID workspaceId;

	private String name;

	private String bin;

	private String email;

	private String phone;

	private boolean active;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Supplier() {
	}

	Supplier(UUID workspaceId, String name, String bin, String email, String phone, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.name = name.strip();
		this.bin = checkedBin(bin);
		this.email = email(email);
		this.phone = optional(phone);
		this.active = true;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * {@code null} leaves a field as it is, an empty text clears an optional field.
	 */
	void update(String name, String bin, String email, String phone, Boolean active, Instant now) {
		if (name != null) {
			this.name = name.strip();
		}
		if (bin != null) {
			this.bin = checkedBin(bin);
		}
		if (email != null) {
			this.email = email(email);
		}
		if (phone != null) {
			this.phone = optional(phone);
		}
		if (active != null) {
			this.active = active;
		}
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String name() {
		return this.name;
	}

	String bin() {
		return this.bin;
	}

	boolean active() {
		return this.active;
	}

	SupplierView view() {
		return new SupplierView(this.id, this.workspaceId, this.name, this.bin, this.email, this.phone, this.active,
				this.createdAt, this.updatedAt);
	}

	/** The BIN as stored, or 400 naming {@code bin} when it is not a valid one. */
	static String checkedBin(String bin) {
		String value = optional(bin);
		if (value == null) {
			return null;
		}
		String problem = KzIdentificationNumber.binProblem(value);
		if (problem != null) {
			throw new InvalidInputException("bin", "is not a valid BIN: " + problem);
		}
		return value;
	}

	private static String email(String email) {
		String value = optional(email);
		return (value != null) ? value.toLowerCase(Locale.ROOT) : null;
	}

	private static String optional(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
