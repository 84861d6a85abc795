package kz.prometric.erp.crm;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.KzIdentificationNumber;
import kz.prometric.erp.shared.WorkspaceOwned;

/**
 * A person or company a workspace sells to. Its tax id, when known, is a BIN for a
 * company and an IIN for an individual, and always passes the Kazakhstan check-digit
 * rule; changing the type re-checks it.
 */
@Entity
@Table(name = "crm_customer")
class Customer implements WorkspaceOwned {

	@Id
	private UUID id;

	private UUID workspaceId;

	@Enumerated(EnumType.STRING)
	private CustomerType type;

	private String name;

	private String email;

	private String phone;

	private String contactPerson;

	private String address;

	private String taxId;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Customer() {
	}

	Customer(UUID workspaceId, CustomerManagement.NewCustomer customer, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.type = customer.type();
		this.name = customer.name().strip();
		this.email = email(customer.email());
		this.phone = optional(customer.phone());
		this.contactPerson = optional(customer.contactPerson());
		this.address = optional(customer.address());
		this.taxId = checkedTaxId(this.type, customer.taxId());
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Applies the changes: {@code null} leaves a field as it is, an empty text clears an
	 * optional field. The tax id is checked against the resulting type.
	 */
	void update(CustomerManagement.CustomerChanges changes, Instant now) {
		CustomerType newType = (changes.type() != null) ? changes.type() : this.type;
		String newTaxId = (changes.taxId() != null) ? changes.taxId() : this.taxId;
		this.taxId = checkedTaxId(newType, newTaxId);
		this.type = newType;
		if (changes.name() != null) {
			this.name = changes.name().strip();
		}
		if (changes.email() != null) {
			this.email = email(changes.email());
		}
		if (changes.phone() != null) {
			this.phone = optional(changes.phone());
		}
		if (changes.contactPerson() != null) {
			this.contactPerson = optional(changes.contactPerson());
		}
		if (changes.address() != null) {
			this.address = optional(changes.address());
		}
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String taxId() {
		return this.taxId;
	}

	CustomerView view() {
		return new CustomerView(this.id, this.workspaceId, this.type, this.name, this.email, this.phone,
				this.contactPerson, this.address, this.taxId, this.createdAt, this.updatedAt);
	}

	/**
	 * The tax id as stored (stripped, {@code null} when blank), or 400 naming
	 * {@code taxId} when it is not a valid BIN (company) or IIN (individual).
	 */
	static String checkedTaxId(CustomerType type, String taxId) {
		String value = optional(taxId);
		if (value == null) {
			return null;
		}
		if (type == CustomerType.COMPANY) {
			String problem = KzIdentificationNumber.binProblem(value);
			if (problem != null) {
				throw new InvalidInputException("taxId", "is not a valid BIN for a company: " + problem);
			}
		}
		else {
			String problem = KzIdentificationNumber.iinProblem(value);
			if (problem != null) {
				throw new InvalidInputException("taxId", "is not a valid IIN for an individual: " + problem);
			}
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

	@Override
	public UUID workspaceId() {
		return this.workspaceId;
	}

}
