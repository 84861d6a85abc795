package kz.prometric.erp.production.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.production.PurchasingManagement;
import kz.prometric.erp.production.PurchasingManagement.NewSupplier;
import kz.prometric.erp.production.PurchasingManagement.SupplierChanges;
import kz.prometric.erp.production.PurchasingManagement.SupplierFilter;
import kz.prometric.erp.production.SupplierPriceView;
import kz.prometric.erp.production.SupplierView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/suppliers")
@Tag(name = "Purchasing")
class PurchasingSupplierController {

	/** Digits, spaces, {@code + ( ) -}, and at least one digit; or empty. */
	static final String PHONE = "([0-9 +()\\-]*[0-9][0-9 +()\\-]*)?";

	static final String PHONE_MESSAGE = "must contain digits and only digits, spaces, +, (, ) and -";

	private final PurchasingManagement purchasing;

	PurchasingSupplierController(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@PostMapping
	@Operation(summary = "Create a supplier (managers); the BIN is optional but must be valid and unique")
	ResponseEntity<SupplierView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateSupplierRequest request) {
		SupplierView created = this.purchasing.createSupplier(workspaceId, CurrentUser.id(),
				new NewSupplier(request.name(), request.bin(), request.email(), request.phone()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/suppliers/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Suppliers, filtered by active or a name/BIN search; sort by name or createdAt")
	PageResult<SupplierView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) Boolean active,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.purchasing.suppliers(workspaceId, CurrentUser.id(), new SupplierFilter(active, q), page);
	}

	@GetMapping("/{supplierId}")
	SupplierView get(@PathVariable UUID workspaceId, @PathVariable UUID supplierId) {
		return this.purchasing.supplier(workspaceId, CurrentUser.id(), supplierId);
	}

	@PatchMapping("/{supplierId}")
	@Operation(summary = "Change a supplier (managers): absent fields stay, an empty text clears an optional field; "
			+ "active=false stops new purchase orders to it")
	SupplierView update(@PathVariable UUID workspaceId, @PathVariable UUID supplierId,
			@Valid @RequestBody UpdateSupplierRequest request) {
		return this.purchasing.updateSupplier(workspaceId, CurrentUser.id(), supplierId,
				new SupplierChanges(request.name(), request.bin(), request.email(), request.phone(), request.active()));
	}

	@GetMapping("/{supplierId}/prices")
	@Operation(summary = "The supplier's prices per product (KZT without VAT) and lead times")
	List<SupplierPriceView> prices(@PathVariable UUID workspaceId, @PathVariable UUID supplierId) {
		return this.purchasing.supplierPrices(workspaceId, CurrentUser.id(), supplierId);
	}

	@PutMapping("/{supplierId}/prices/{productId}")
	@Operation(summary = "Set the supplier's unit price (KZT without VAT) and lead time for a product (managers)")
	SupplierPriceView setPrice(@PathVariable UUID workspaceId, @PathVariable UUID supplierId,
			@PathVariable UUID productId, @Valid @RequestBody SetSupplierPriceRequest request) {
		return this.purchasing.setSupplierPrice(workspaceId, CurrentUser.id(), supplierId, productId,
				request.unitPrice(), request.leadTimeDays());
	}

	@DeleteMapping("/{supplierId}/prices/{productId}")
	@Operation(summary = "Remove the supplier's price for a product (managers)")
	ResponseEntity<Void> removePrice(@PathVariable UUID workspaceId, @PathVariable UUID supplierId,
			@PathVariable UUID productId) {
		this.purchasing.removeSupplierPrice(workspaceId, CurrentUser.id(), supplierId, productId);
		return ResponseEntity.noContent().build();
	}

	record CreateSupplierRequest(@NotBlank @Size(max = 255) String name, @Size(max = 12) String bin,
			@Email @Size(max = 254) String email,
			@Size(max = 50) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone) {
	}

	record UpdateSupplierRequest(
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 12) String bin, @Email @Size(max = 254) String email,
			@Size(max = 50) @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone, Boolean active) {
	}

	record SetSupplierPriceRequest(@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
			@Min(0) @Max(3650) Integer leadTimeDays) {
	}

}
