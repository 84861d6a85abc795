package kz.prometric.erp.inventory.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.inventory.InventoryManagement;
import kz.prometric.erp.inventory.WarehouseView;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.IdempotentRequests;
import kz.prometric.erp.shared.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating ({@code /app/{ws}/warehouses/new}) and editing a warehouse: code, name and
 * address, checked as the API checks them, each refusal shown beside its field in the
 * page's language; a code another warehouse of the workspace has (in any case, also when
 * two people save at once) is an error on the code. Managers and above, like the API: a
 * member gets the 403 page, another workspace's warehouse the 404 page. Sending the same
 * new warehouse twice (a double click) creates it once and shows it both times.
 */
@ErpPages
class WarehouseFormPages {

	private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";

	private final InventoryManagement inventory;

	private final WorkspaceManagement workspaces;

	private final IdempotentRequests idempotency;

	private final MessageSource messages;

	WarehouseFormPages(InventoryManagement inventory, WorkspaceManagement workspaces, IdempotentRequests idempotency,
			MessageSource messages) {
		this.inventory = inventory;
		this.workspaces = workspaces;
		this.idempotency = idempotency;
		this.messages = messages;
	}

	@GetMapping("/app/{workspaceId}/warehouses/new")
	String newWarehouse(@PathVariable UUID workspaceId, @ModelAttribute("warehouse") WarehouseForm warehouse,
			Model model) {
		this.workspaces.requireRole(workspaceId, CurrentUser.id(), WorkspaceRole.MANAGER);
		warehouse.setFormKey(UUID.randomUUID().toString());
		return form(model, Map.of(), null);
	}

	@PostMapping("/app/{workspaceId}/warehouses")
	String create(@PathVariable UUID workspaceId, @ModelAttribute("warehouse") WarehouseForm warehouse, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		Map<String, String> errors = new LinkedHashMap<>();
		Values values = check(warehouse, errors);
		if (errors.isEmpty()) {
			try {
				UUID id = createOnce(workspaceId, caller, warehouse.getFormKey(), values);
				redirect.addFlashAttribute("warehouseSaved", true);
				return "redirect:/app/" + workspaceId + "/warehouses/" + id;
			}
			catch (RuntimeException ex) {
				refused(ex, errors);
			}
		}
		response.setStatus(422);
		return form(model, errors, null);
	}

	@GetMapping("/app/{workspaceId}/warehouses/{warehouseId}/edit")
	String edit(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId, Model model) {
		UUID caller = CurrentUser.id();
		// another workspace's warehouse is not found, whatever the caller's role here
		WarehouseView existing = this.inventory.warehouse(workspaceId, caller, warehouseId);
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		model.addAttribute("warehouse", WarehouseForm.of(existing));
		return form(model, Map.of(), existing);
	}

	@PostMapping("/app/{workspaceId}/warehouses/{warehouseId}/edit")
	String update(@PathVariable UUID workspaceId, @PathVariable UUID warehouseId,
			@ModelAttribute("warehouse") WarehouseForm warehouse, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		WarehouseView existing = this.inventory.warehouse(workspaceId, caller, warehouseId);
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		Map<String, String> errors = new LinkedHashMap<>();
		Values values = check(warehouse, errors);
		if (errors.isEmpty()) {
			try {
				// an empty address clears it
				this.inventory.updateWarehouse(workspaceId, caller, warehouseId, values.code(), values.name(),
						(values.address() != null) ? values.address() : "");
				redirect.addFlashAttribute("warehouseSaved", true);
				return "redirect:/app/" + workspaceId + "/warehouses/" + warehouseId;
			}
			catch (RuntimeException ex) {
				refused(ex, errors);
			}
		}
		response.setStatus(422);
		return form(model, errors, existing);
	}

	/**
	 * Creates the warehouse once per form shown and content sent: the key is the form's
	 * (made when it was shown) plus a digest of what was typed, so a double click answers
	 * the first warehouse, while the same form sent again with other values (after going
	 * back) is a new request.
	 */
	private UUID createOnce(UUID workspaceId, UUID caller, String formKey, Values values) {
		String request = "UI warehouse " + values.code() + "\n" + values.name() + "\n" + values.address();
		String key = (formKey != null && formKey.matches("[A-Za-z0-9-]{1,40}"))
				? "ui-warehouse:" + formKey + ":" + digest(request) : null;
		IdempotentRequests.Result result = this.idempotency.execute(workspaceId, caller, key, request,
				() -> this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER), () -> this.inventory
					.createWarehouse(workspaceId, caller, values.code(), values.name(), values.address()));
		return UUID.fromString(result.json().path("id").asText());
	}

	/** What the service refused, beside its field; anything else is not the form's. */
	private void refused(RuntimeException ex, Map<String, String> errors) {
		if (ex instanceof ConflictException) {
			// the only conflict of a warehouse is its code (also when the unique index
			// caught a concurrent duplicate)
			errors.put("code", message("inventory.error.codeTaken"));
		}
		else if (ex instanceof InvalidInputException invalid) {
			FormInput.addViolations(errors, invalid.violations(), this.messages);
		}
		else if (ex instanceof BusinessRuleViolation rule) {
			FormInput.addViolations(errors, rule.violations(), this.messages);
		}
		else {
			throw ex;
		}
	}

	private String form(Model model, Map<String, String> errors, WarehouseView existing) {
		model.addAttribute("errors", errors);
		model.addAttribute("existing", existing);
		return "inventory/warehouse-form";
	}

	/** The form's values as the API would take them, or errors beside the fields. */
	private Values check(WarehouseForm form, Map<String, String> errors) {
		String code = text(form.getCode(), "code", 50, true, errors);
		if (code != null && !code.matches(CODE)) {
			errors.put("code", message("inventory.error.code"));
			code = null;
		}
		String name = text(form.getName(), "name", 255, true, errors);
		String address = text(form.getAddress(), "address", 1000, false, errors);
		return new Values(code, name, address);
	}

	/** The stripped text, or null when empty (an error if required) or refused. */
	private String text(String value, String field, int max, boolean required, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, message("inventory.error.required"));
			}
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			errors.put(field, message("inventory.error.tooLong", max));
			return null;
		}
		if (text.indexOf('\u0000') >= 0) {
			// PostgreSQL cannot store it: refused here rather than failing in the
			// database
			errors.put(field, message("inventory.error.character"));
			return null;
		}
		return text;
	}

	private String message(String key, Object... args) {
		return FormInput.message(this.messages, key, args);
	}

	private static String digest(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 12);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Values(String code, String name, String address) {
	}

	/** The warehouse form as typed. */
	public static class WarehouseForm {

		private String code;

		private String name;

		private String address;

		private String formKey;

		static WarehouseForm of(WarehouseView warehouse) {
			WarehouseForm form = new WarehouseForm();
			form.code = warehouse.code();
			form.name = warehouse.name();
			form.address = warehouse.address();
			return form;
		}

		public String getCode() {
			return this.code;
		}

		public void setCode(String code) {
			this.code = code;
		}

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getAddress() {
			return this.address;
		}

		public void setAddress(String address) {
			this.address = address;
		}

		public String getFormKey() {
			return this.formKey;
		}

		public void setFormKey(String formKey) {
			this.formKey = formKey;
		}

	}

}
