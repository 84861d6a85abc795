package kz.prometric.erp.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.DatabaseConstraints;
import kz.prometric.erp.shared.ListQuery;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.shared.SearchText;
import kz.prometric.erp.shared.SortableFields;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customers of a workspace. Members of the workspace read them; managers, admins and
 * the owner change them (403 to plain members); everyone else gets 404, as does a
 * customer id of another workspace. A customer's BIN (company) or IIN (individual) is
 * optional, must pass the Kazakhstan check-digit rule (400) and is unique in the
 * workspace (409).
 */
@Service
public class CustomerManagement {

	static final SortableFields CUSTOMER_SORT = SortableFields.of("name", "name", "createdAt", "createdAt", "type",
			"type");

	private static final String TAX_ID_INDEX = "uq_crm_customer_tax_id";

	private static final String TAX_ID_TAKEN = "A customer with this BIN/IIN already exists in the workspace";

	private final Customers customers;

	private final CustomerReferences references;

	private final WorkspaceManagement workspaces;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final jakarta.persistence.EntityManager entities;

	CustomerManagement(Customers customers, CustomerReferences references, WorkspaceManagement workspaces,
			ApplicationEventPublisher events, Clock clock, jakarta.persistence.EntityManager entities) {
		this.entities = entities;
		this.customers = customers;
		this.references = references;
		this.workspaces = workspaces;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a customer; needs the MANAGER role. Not idempotent: two calls create two
	 * customers unless they carry the same tax id (409). Publishes
	 * {@link CustomerCreated}.
	 */
	@Transactional
	public CustomerView create(UUID workspaceId, UUID callerId, NewCustomer customer) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Instant now = this.clock.instant();
		Customer created = new Customer(workspaceId, customer, now);
		if (created.taxId() != null && this.customers.existsByWorkspaceIdAndTaxId(workspaceId, created.taxId())) {
			throw new ConflictException("taxId", TAX_ID_TAKEN);
		}
		try {
			this.customers.saveAndFlush(created);
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		this.events.publishEvent(new CustomerCreated(created.id(), workspaceId, now));
		return created.view();
	}

	/**
	 * A page of the workspace's customers, optionally of one type and matching a search
	 * text, taken literally and case-insensitively, in the name, e-mail or tax id.
	 */
	@Transactional(readOnly = true)
	public PageResult<CustomerView> customers(UUID workspaceId, UUID callerId, CustomerFilter filter, PageQuery query) {
		this.workspaces.requireMember(workspaceId, callerId);
		String search = SearchText.containing(filter.search());
		query.requireWithin(PageResult.TOTAL_CAP);
		ListQuery list = ListQuery.from("Customer", "c")
			.where("c.workspaceId = :workspaceId", "workspaceId", workspaceId)
			.whereGiven(filter.type(), "type", "c.type = :type")
			.whereGiven(search, "search", "fold(c.name) like :search escape '\\' "
					+ "or fold(c.email) like :search escape '\\' or c.taxId like :search escape '\\'");
		return PageResult.capped(list.slice(this.entities, Customer.class, query.toPageable(CUSTOMER_SORT)),
				limit -> list.countUpTo(this.entities, limit), Customer::view);
	}

	@Transactional(readOnly = true)
	public CustomerView customer(UUID workspaceId, UUID callerId, UUID customerId) {
		this.workspaces.requireMember(workspaceId, callerId);
		return load(workspaceId, customerId).view();
	}

	/**
	 * Changes a customer; needs the MANAGER role. {@code null} leaves a field, an empty
	 * text clears an optional one; the tax id is re-checked against the resulting type.
	 */
	@Transactional
	public CustomerView update(UUID workspaceId, UUID callerId, UUID customerId, CustomerChanges changes) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Customer customer = load(workspaceId, customerId);
		customer.update(changes, this.clock.instant());
		try {
			// the query flushes the change first, so a duplicate may already fail there
			if (customer.taxId() != null
					&& this.customers.existsByWorkspaceIdAndTaxIdAndIdNot(workspaceId, customer.taxId(), customerId)) {
				throw new ConflictException("taxId", TAX_ID_TAKEN);
			}
			this.customers.flush();
		}
		catch (DataIntegrityViolationException ex) {
			throw translated(ex);
		}
		return customer.view();
	}

	/**
	 * Deletes a customer; needs the MANAGER role. A customer with deals is refused with
	 * 409. Publishes {@link CustomerDeleted}.
	 */
	@Transactional
	public void delete(UUID workspaceId, UUID callerId, UUID customerId) {
		this.workspaces.requireRole(workspaceId, callerId, WorkspaceRole.MANAGER);
		Customer customer = load(workspaceId, customerId);
		if (this.references.hasDeals(customerId)) {
			throw new ConflictException("The customer has deals and cannot be deleted");
		}
		try {
			this.customers.delete(customer);
			this.customers.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// a deal (or another record) referring to the customer was added concurrently
			throw new ConflictException("The customer has deals and cannot be deleted");
		}
		this.events.publishEvent(new CustomerDeleted(customerId, workspaceId, this.clock.instant()));
	}

	/**
	 * The customer {@code customerId} of the workspace, for other parts of the CRM module
	 * that refer to customers by id in request bodies (deals). No access check: the
	 * caller has checked access to the workspace. An unknown id, or one of another
	 * workspace, is a field error of the request: {@link BusinessRuleViolation} (422)
	 * naming {@code customerId}.
	 */
	@Transactional(readOnly = true)
	public CustomerView requireCustomer(UUID workspaceId, UUID customerId) {
		if (customerId == null) {
			throw new BusinessRuleViolation("customerId", "No such customer in this workspace");
		}
		return this.customers.findByIdAndWorkspaceId(customerId, workspaceId)
			.map(Customer::view)
			.orElseThrow(() -> new BusinessRuleViolation("customerId", "No such customer in this workspace"));
	}

	/**
	 * What a new customer needs: {@code type} and {@code name}; everything else is
	 * optional.
	 */
	public record NewCustomer(CustomerType type, String name, String email, String phone, String contactPerson,
			String address, String taxId) {
	}

	/**
	 * Changes to a customer: {@code null} leaves a field as it is, an empty text clears
	 * an optional field.
	 */
	public record CustomerChanges(CustomerType type, String name, String email, String phone, String contactPerson,
			String address, String taxId) {
	}

	/** Optional filters of the customer list. */
	public record CustomerFilter(CustomerType type, String search) {
	}

	private Customer load(UUID workspaceId, UUID customerId) {
		return this.customers.findByIdAndWorkspaceId(customerId, workspaceId)
			.orElseThrow(() -> new NotFoundException("Customer", customerId));
	}

	private static RuntimeException translated(DataIntegrityViolationException ex) {
		if (DatabaseConstraints.isUniqueViolation(ex, TAX_ID_INDEX)) {
			// a concurrent request stored the same tax id first
			return new ConflictException("taxId", TAX_ID_TAKEN);
		}
		return ex;
	}

}
