package kz.prometric.erp.crm.web;

import java.net.URI;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.crm.CustomerManagement;
import kz.prometric.erp.crm.CustomerManagement.CustomerChanges;
import kz.prometric.erp.crm.CustomerManagement.CustomerFilter;
import kz.prometric.erp.crm.CustomerManagement.NewCustomer;
import kz.prometric.erp.crm.CustomerType;
import kz.prometric.erp.crm.CustomerView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/customers")
@Tag(name = "Customers")
class CustomerController {

	/** Digits, spaces, {@code + ( ) -}, and at least one digit; or empty. */
	static final String PHONE = "([0-9 +()\\-]*[0-9][0-9 +()\\-]*)?";

	static final String PHONE_MESSAGE = "must contain digits and only digits, spaces, +, (, ) and -";

	private final CustomerManagement customers;

	CustomerController(CustomerManagement customers) {
		this.customers = customers;
	}

	@PostMapping
	@Operation(summary = "Create a customer; taxId is a BIN for a COMPANY and an IIN for an INDIVIDUAL")
	ResponseEntity<CustomerView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateCustomerRequest request) {
		CustomerView created = this.customers.create(workspaceId, CurrentUser.id(),
				new NewCustomer(request.type(), request.name(), request.email(), request.phone(),
						request.contactPerson(), request.address(), request.taxId()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/customers/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Customers, filtered by type or a name/e-mail/BIN/IIN search; sort by name, createdAt or type")
	PageResult<CustomerView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) CustomerType type,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.customers.customers(workspaceId, CurrentUser.id(), new CustomerFilter(type, q), page);
	}

	@GetMapping("/{customerId}")
	CustomerView get(@PathVariable UUID workspaceId, @PathVariable UUID customerId) {
		return this.customers.customer(workspaceId, CurrentUser.id(), customerId);
	}

	@PatchMapping("/{customerId}")
	@Operation(summary = "Change a customer: absent fields stay, an empty text clears an optional field")
	CustomerView update(@PathVariable UUID workspaceId, @PathVariable UUID customerId,
			@Valid @RequestBody UpdateCustomerRequest request) {
		return this.customers.update(workspaceId, CurrentUser.id(), customerId,
				new CustomerChanges(request.type(), request.name(), request.email(), request.phone(),
						request.contactPerson(), request.address(), request.taxId()));
	}

	@DeleteMapping("/{customerId}")
	@Operation(summary = "Delete a customer; refused with 409 while it has deals")
	ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID customerId) {
		this.customers.delete(workspaceId, CurrentUser.id(), customerId);
		return ResponseEntity.noContent().build();
	}

	record CreateCustomerRequest(@NotNull CustomerType type, @NotBlank @Size(max = 255) String name,
			@Email @Size(max = 254) String email,
			@Size(max = 50) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
			@Size(max = 255) String contactPerson, @Size(max = 1000) String address, String taxId) {
	}

	record UpdateCustomerRequest(CustomerType type,
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Email @Size(max = 254) String email,
			@Size(max = 50) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
			@Size(max = 255) String contactPerson, @Size(max = 1000) String address, String taxId) {
	}

}
