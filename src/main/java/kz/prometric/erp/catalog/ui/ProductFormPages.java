package kz.prometric.erp.catalog.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.NewProduct;
import kz.prometric.erp.catalog.CatalogManagement.ProductChanges;
import kz.prometric.erp.catalog.ProductCategory;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceRole;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.FormErrors;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.VatCategory;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Creating ({@code /app/{ws}/products/new}) and editing a product: the fields the API
 * allows, checked as the API checks them, each refusal shown beside its field. Managers
 * only, like the API (403 page for members).
 */
@ErpPages
class ProductFormPages {

	private static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";

	private final CatalogManagement catalog;

	private final WorkspaceManagement workspaces;

	private final MessageSource messages;

	ProductFormPages(CatalogManagement catalog, WorkspaceManagement workspaces, MessageSource messages) {
		this.catalog = catalog;
		this.workspaces = workspaces;
		this.messages = messages;
	}

	@GetMapping("/app/{workspaceId}/products/new")
	String newProduct(@PathVariable UUID workspaceId, @ModelAttribute("product") ProductForm product,
			BindingResult binding, Model model) {
		this.workspaces.requireRole(workspaceId, CurrentUser.id(), WorkspaceRole.MANAGER);
		if (product.getUnit() == null) {
			product.setUnit("pcs");
		}
		if (product.getVatCategory() == null) {
			product.setVatCategory(VatCategory.STANDARD);
		}
		if (product.getCategory() == null) {
			product.setCategory(ProductCategory.OTHER);
		}
		return form(model, Map.of(), null);
	}

	@PostMapping("/app/{workspaceId}/products")
	String create(@PathVariable UUID workspaceId, @ModelAttribute("product") ProductForm product, BindingResult binding,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		Map<String, String> errors = new LinkedHashMap<>();
		refused(binding, errors);
		Values values = check(product, true, errors);
		String saved = save(errors, () -> {
			ProductView created = this.catalog.create(workspaceId, caller,
					new NewProduct(values.code(), values.name(), product.getDescription(), values.unit(),
							values.price(), values.cost(), product.getVatCategory(), product.isPriceIncludesVat(),
							product.getCategory()));
			redirect.addFlashAttribute("productSaved", true);
			return "redirect:/app/" + workspaceId + "/products/" + created.id();
		});
		if (saved != null) {
			return saved;
		}
		response.setStatus(422);
		return form(model, errors, null);
	}

	@GetMapping("/app/{workspaceId}/products/{productId}/edit")
	String edit(@PathVariable UUID workspaceId, @PathVariable UUID productId, Model model) {
		UUID caller = CurrentUser.id();
		// another workspace's product is not found, whatever the caller's role here
		ProductView product = this.catalog.product(workspaceId, caller, productId);
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		model.addAttribute("product", ProductForm.of(product));
		return form(model, Map.of(), product);
	}

	@PostMapping("/app/{workspaceId}/products/{productId}/edit")
	String update(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@ModelAttribute("product") ProductForm product, BindingResult binding, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		UUID caller = CurrentUser.id();
		ProductView existing = this.catalog.product(workspaceId, caller, productId);
		this.workspaces.requireRole(workspaceId, caller, WorkspaceRole.MANAGER);
		Map<String, String> errors = new LinkedHashMap<>();
		refused(binding, errors);
		Values values = check(product, false, errors);
		String saved = save(errors, () -> {
			this.catalog.update(workspaceId, caller, productId, new ProductChanges(values.code(), values.name(),
					(product.getDescription() != null) ? product.getDescription() : "", values.unit(), values.price(),
					(values.cost() != null) ? values.cost() : BigDecimal.ZERO, product.getStatus(),
					product.getVatCategory(), product.isPriceIncludesVat(), product.getCategory()));
			redirect.addFlashAttribute("productSaved", true);
			return "redirect:/app/" + workspaceId + "/products/" + productId;
		});
		if (saved != null) {
			return saved;
		}
		response.setStatus(422);
		return form(model, errors, existing);
	}

	private String form(Model model, Map<String, String> errors, ProductView existing) {
		model.addAttribute("errors", errors);
		model.addAttribute("existing", existing);
		model.addAttribute("vatCategories", VatCategory.values());
		model.addAttribute("categories", ProductCategory.values());
		model.addAttribute("statuses", ProductStatus.values());
		return "catalog/product-form";
	}

	/** Choices that are not among the offered ones (a hand-made request). */
	private void refused(BindingResult binding, Map<String, String> errors) {
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), message("catalog.error.choice")));
	}

	/** The form's values as the API would take them, or errors beside the fields. */
	private Values check(ProductForm form, boolean creating, Map<String, String> errors) {
		String code = text(form.getCode(), "code", 50, errors);
		if (code != null && !code.matches(CODE)) {
			errors.put("code", message("catalog.error.code"));
		}
		String name = text(form.getName(), "name", 255, errors);
		String unit = text(form.getUnit(), "unit", 20, errors);
		if (form.getDescription() != null && form.getDescription().length() > 5000) {
			errors.put("description", message("catalog.error.tooLong", 5000));
		}
		BigDecimal price = money(form.getPrice(), "price", true, errors);
		BigDecimal cost = money(form.getCost(), "cost", false, errors);
		if (!creating && form.getStatus() == null) {
			form.setStatus(ProductStatus.ACTIVE);
		}
		return new Values(code, name, unit, price, cost);
	}

	private String text(String value, String field, int max, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			errors.put(field, message("catalog.error.required"));
			return null;
		}
		String text = value.strip();
		if (text.length() > max) {
			errors.put(field, message("catalog.error.tooLong", max));
			return null;
		}
		return text;
	}

	private BigDecimal money(String value, String field, boolean required, Map<String, String> errors) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.put(field, message("catalog.error.required"));
			}
			return null;
		}
		String plain = value.strip().replace('\u00a0', ' ').replace(" ", "").replace(',', '.');
		if (!plain.matches("-?[0-9]{1,17}(\\.[0-9]{1,10})?")) {
			errors.put(field, message("catalog.error.number"));
			return null;
		}
		BigDecimal amount = new BigDecimal(plain);
		if (amount.signum() < 0) {
			errors.put(field, message("catalog.error.negative"));
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			errors.put(field, message("catalog.error.decimals"));
			return null;
		}
		return amount;
	}

	/**
	 * Saves a form without errors and answers where to go next; null when the form has
	 * errors or the catalog refuses it (its reasons beside the fields, a taken code in
	 * the page's language).
	 */
	private String save(Map<String, String> errors, Supplier<String> save) {
		if (!errors.isEmpty()) {
			return null;
		}
		try {
			return save.get();
		}
		catch (ConflictException ex) {
			errors.put("code", message("catalog.error.codeTaken"));
		}
		catch (InvalidInputException | BusinessRuleViolation ex) {
			FormErrors.put(ex, errors, UnaryOperator.identity());
		}
		return null;
	}

	private String message(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return this.messages.getMessage(key, args, key, locale);
	}

	private record Values(String code, String name, String unit, BigDecimal price, BigDecimal cost) {
	}

	/** The product form as typed: amounts as text, so a typo comes back as it was. */
	public static class ProductForm {

		private String code;

		private String name;

		private String description;

		private String unit;

		private String price;

		private String cost;

		private VatCategory vatCategory;

		private boolean priceIncludesVat;

		private ProductCategory category;

		private ProductStatus status;

		static ProductForm of(ProductView product) {
			ProductForm form = new ProductForm();
			form.code = product.code();
			form.name = product.name();
			form.description = product.description();
			form.unit = product.unit();
			form.price = product.price().toPlainString();
			form.cost = product.cost().toPlainString();
			form.vatCategory = product.vatCategory();
			form.priceIncludesVat = product.priceIncludesVat();
			form.category = product.category();
			form.status = product.status();
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

		public String getDescription() {
			return this.description;
		}

		public void setDescription(String description) {
			this.description = description;
		}

		public String getUnit() {
			return this.unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public String getPrice() {
			return this.price;
		}

		public void setPrice(String price) {
			this.price = price;
		}

		public String getCost() {
			return this.cost;
		}

		public void setCost(String cost) {
			this.cost = cost;
		}

		public VatCategory getVatCategory() {
			return this.vatCategory;
		}

		public void setVatCategory(VatCategory vatCategory) {
			this.vatCategory = vatCategory;
		}

		public boolean isPriceIncludesVat() {
			return this.priceIncludesVat;
		}

		public void setPriceIncludesVat(boolean priceIncludesVat) {
			this.priceIncludesVat = priceIncludesVat;
		}

		public ProductCategory getCategory() {
			return this.category;
		}

		public void setCategory(ProductCategory category) {
			this.category = category;
		}

		public ProductStatus getStatus() {
			return this.status;
		}

		public void setStatus(ProductStatus status) {
			this.status = status;
		}

	}

}
