package kz.prometric.erp.crm.ui;

import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
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
import kz.prometric.erp.crm.DealManagement;
import kz.prometric.erp.crm.DealManagement.DealFilter;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FormErrors;
import kz.prometric.erp.shared.PageQuery;

import org.springframework.data.domain.Sort;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The workspace's customers: the list (search by name, e-mail or BIN/IIN, filter by type,
 * sort, paging), a customer's page with its deals, and the forms that create and change
 * one (managers and above; the service answers a member with the 403 page).
 */
@ErpPages
class CustomerPages {

	private static final Set<String> FIELDS = Set.of("type", "name", "email", "phone", "contactPerson", "address",
			"taxId");

	private final CustomerManagement customers;

	private final DealManagement deals;

	CustomerPages(CustomerManagement customers, DealManagement deals) {
		this.customers = customers;
		this.deals = deals;
	}

	@GetMapping("/app/{workspaceId}/customers")
	String list(@PathVariable UUID workspaceId, @RequestParam(required = false) String q,
			@RequestParam(required = false) CustomerType type, PageQuery page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String search = (q == null || q.isBlank()) ? null : q.strip();
		if (search != null && search.length() > 100) {
			search = search.substring(0, 100);
		}
		PageQuery query = (page.sortProperty() == null)
				? new PageQuery(page.page(), page.size(), "name", Sort.Direction.ASC) : page;
		model.addAttribute("result",
				this.customers.customers(workspaceId, CurrentUser.id(), new CustomerFilter(type, search), query));
		UriComponentsBuilder base = UriComponentsBuilder.fromPath("/app/" + workspaceId + "/customers");
		if (search != null) {
			base.queryParam("q", search);
		}
		if (type != null) {
			base.queryParam("type", type);
		}
		model.addAttribute("q", search);
		model.addAttribute("type", type);
		model.addAttribute("types", CustomerType.values());
		model.addAttribute("baseUrl", base.encode().toUriString());
		model.addAttribute("sortUrl", base.encode().toUriString());
		model.addAttribute("pageUrl",
				base.cloneBuilder()
					.queryParam("sort", query.sortProperty() + "," + query.direction().name().toLowerCase())
					.encode()
					.toUriString());
		model.addAttribute("sort", query.sortProperty() + "," + query.direction().name().toLowerCase());
		return (htmx != null) ? "crm/customers :: results" : "crm/customers";
	}

	@GetMapping("/app/{workspaceId}/customers/{customerId}")
	String customer(@PathVariable UUID workspaceId, @PathVariable UUID customerId, PageQuery page, Model model) {
		CustomerView customer = this.customers.customer(workspaceId, CurrentUser.id(), customerId);
		PageQuery query = (page.sortProperty() == null)
				? new PageQuery(page.page(), page.size(), "createdAt", Sort.Direction.DESC) : page;
		model.addAttribute("customer", customer);
		model.addAttribute("deals",
				this.deals.deals(workspaceId, CurrentUser.id(), new DealFilter(null, customerId, null, null), query));
		model.addAttribute("baseUrl", "/app/" + workspaceId + "/customers/" + customerId);
		return "crm/customer";
	}

	@GetMapping("/app/{workspaceId}/customers/new")
	String newCustomer(@PathVariable UUID workspaceId, Model model) {
		CustomerForm form = new CustomerForm();
		form.setType(CustomerType.COMPANY);
		return form(model, form, null);
	}

	@PostMapping("/app/{workspaceId}/customers/new")
	String create(@PathVariable UUID workspaceId, @Valid @ModelAttribute("form") CustomerForm form,
			BindingResult errors, Model model, HttpServletResponse response) {
		if (!errors.hasErrors()) {
			try {
				CustomerView created = this.customers.create(workspaceId, CurrentUser.id(),
						new NewCustomer(form.getType(), form.getName(), blankToNull(form.getEmail()),
								blankToNull(form.getPhone()), blankToNull(form.getContactPerson()),
								blankToNull(form.getAddress()), blankToNull(form.getTaxId())));
				return "redirect:/app/" + workspaceId + "/customers/" + created.id();
			}
			catch (RuntimeException ex) {
				if (!FormErrors.add(ex, errors, f -> FIELDS.contains(f) ? f : null)) {
					throw ex;
				}
			}
		}
		response.setStatus(422);
		return form(model, form, null);
	}

	@GetMapping("/app/{workspaceId}/customers/{customerId}/edit")
	String edit(@PathVariable UUID workspaceId, @PathVariable UUID customerId, Model model) {
		CustomerView customer = this.customers.customer(workspaceId, CurrentUser.id(), customerId);
		CustomerForm form = new CustomerForm();
		form.setType(customer.type());
		form.setName(customer.name());
		form.setEmail(customer.email());
		form.setPhone(customer.phone());
		form.setContactPerson(customer.contactPerson());
		form.setAddress(customer.address());
		form.setTaxId(customer.taxId());
		return form(model, form, customer);
	}

	@PostMapping("/app/{workspaceId}/customers/{customerId}/edit")
	String update(@PathVariable UUID workspaceId, @PathVariable UUID customerId,
			@Valid @ModelAttribute("form") CustomerForm form, BindingResult errors, Model model,
			HttpServletResponse response) {
		CustomerView customer = this.customers.customer(workspaceId, CurrentUser.id(), customerId);
		if (!errors.hasErrors()) {
			try {
				// an empty text clears an optional field
				this.customers.update(workspaceId, CurrentUser.id(), customerId,
						new CustomerChanges(form.getType(), form.getName(), emptyIfNull(form.getEmail()),
								emptyIfNull(form.getPhone()), emptyIfNull(form.getContactPerson()),
								emptyIfNull(form.getAddress()), emptyIfNull(form.getTaxId())));
				return "redirect:/app/" + workspaceId + "/customers/" + customerId;
			}
			catch (RuntimeException ex) {
				if (!FormErrors.add(ex, errors, f -> FIELDS.contains(f) ? f : null)) {
					throw ex;
				}
			}
		}
		response.setStatus(422);
		return form(model, form, customer);
	}

	private static String form(Model model, CustomerForm form, CustomerView customer) {
		model.addAttribute("form", form);
		model.addAttribute("customer", customer);
		model.addAttribute("types", CustomerType.values());
		return "crm/customer-form";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String emptyIfNull(String text) {
		return (text == null) ? "" : text.strip();
	}

	/** The customer form, checked as the API checks its request. */
	public static class CustomerForm {

		@NotNull
		private CustomerType type;

		@NotBlank
		@Size(max = 255)
		private String name;

		@Email
		@Size(max = 254)
		private String email;

		@Size(max = 50)
		@Pattern(regexp = "([0-9 +()\\-]*[0-9][0-9 +()\\-]*)?")
		private String phone;

		@Size(max = 255)
		private String contactPerson;

		@Size(max = 1000)
		private String address;

		@Size(max = 12)
		private String taxId;

		public CustomerType getType() {
			return this.type;
		}

		public void setType(CustomerType type) {
			this.type = type;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getEmail() {
			return this.email;
		}

		public void setEmail(String email) {
			this.email = email;
		}

		public String getPhone() {
			return this.phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getContactPerson() {
			return this.contactPerson;
		}

		public void setContactPerson(String contactPerson) {
			this.contactPerson = contactPerson;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public String getTaxId() {
			return this.taxId;
		}

		public void setTaxId(String taxId) {
			this.taxId = taxId;
		}

	}

}
