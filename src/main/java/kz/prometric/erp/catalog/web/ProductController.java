package kz.prometric.erp.catalog.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.catalog.BillOfMaterialsView;
import kz.prometric.erp.catalog.BomTreeView;
import kz.prometric.erp.catalog.CatalogManagement;
import kz.prometric.erp.catalog.CatalogManagement.ComponentQuantity;
import kz.prometric.erp.catalog.CatalogManagement.NewProduct;
import kz.prometric.erp.catalog.CatalogManagement.ProductChanges;
import kz.prometric.erp.catalog.CatalogManagement.ProductFilter;
import kz.prometric.erp.catalog.ProductCategory;
import kz.prometric.erp.catalog.ProductStatus;
import kz.prometric.erp.catalog.ProductView;
import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.InvalidInputException;
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
@RequestMapping("/api/workspaces/{workspaceId}/products")
@Tag(name = "Products")
class ProductController {

	/** Letters, digits and {@code . _ / -}, starting with a letter or digit. */
	static final String CODE = "[A-Za-z0-9][A-Za-z0-9._/-]*";

	static final String CODE_MESSAGE = "must start with a letter or digit and contain only letters, digits and . _ / -";

	private final CatalogManagement catalog;

	ProductController(CatalogManagement catalog) {
		this.catalog = catalog;
	}

	@PostMapping
	@Operation(summary = "Create a product; its code is unique in the workspace regardless of case")
	ResponseEntity<ProductView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateProductRequest request) {
		ProductView created = this.catalog.create(workspaceId, CurrentUser.id(),
				new NewProduct(request.code(), request.name(), request.description(), request.unit(), request.price(),
						request.cost(), request.vatCategory(), request.priceIncludesVat(), request.category()));
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/products/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "Products, filtered by status, category or a code/name search; "
			+ "sort by code, name, price or createdAt")
	PageResult<ProductView> list(@PathVariable UUID workspaceId, @RequestParam(required = false) ProductStatus status,
			@RequestParam(required = false) ProductCategory category,
			@RequestParam(required = false) @Size(max = 100) String q, PageQuery page) {
		return this.catalog.products(workspaceId, CurrentUser.id(), new ProductFilter(status, q, category), page);
	}

	@GetMapping("/{productId}")
	ProductView get(@PathVariable UUID workspaceId, @PathVariable UUID productId) {
		return this.catalog.product(workspaceId, CurrentUser.id(), productId);
	}

	@PatchMapping("/{productId}")
	@Operation(summary = "Change a product: absent fields stay; status ACTIVE brings an archived product back")
	ProductView update(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@Valid @RequestBody UpdateProductRequest request) {
		return this.catalog.update(workspaceId, CurrentUser.id(), productId,
				new ProductChanges(request.code(), request.name(), request.description(), request.unit(),
						request.price(), request.cost(), request.status(), request.vatCategory(),
						request.priceIncludesVat(), request.category()));
	}

	@DeleteMapping("/{productId}")
	@Operation(summary = "Archive a product: products are never deleted, since orders, stock and bills of "
			+ "materials keep referring to them")
	ResponseEntity<Void> archive(@PathVariable UUID workspaceId, @PathVariable UUID productId) {
		this.catalog.archive(workspaceId, CurrentUser.id(), productId);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{productId}/bom")
	@Operation(summary = "The bill of materials: the components of one unit of the product")
	BillOfMaterialsView billOfMaterials(@PathVariable UUID workspaceId, @PathVariable UUID productId) {
		return this.catalog.billOfMaterials(workspaceId, CurrentUser.id(), productId);
	}

	@GetMapping("/{productId}/bill-of-materials")
	@Operation(summary = "The bill of materials exploded over its levels (levels=all, the default, or a number: "
			+ "1 = the direct components); each line with its level, parent and quantity per unit of this product")
	BomTreeView bomTree(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@RequestParam(defaultValue = "all") String levels) {
		return this.catalog.bomTree(workspaceId, CurrentUser.id(), productId, levels(levels));
	}

	@PutMapping("/{productId}/bom")
	@Operation(summary = "Replace the bill of materials; components are other products of the workspace, "
			+ "without cycles")
	BillOfMaterialsView replaceBillOfMaterials(@PathVariable UUID workspaceId, @PathVariable UUID productId,
			@Valid @RequestBody BillOfMaterialsRequest request) {
		return this.catalog.replaceBillOfMaterials(workspaceId, CurrentUser.id(), productId,
				request.components().stream().map(c -> new ComponentQuantity(c.productId(), c.quantity())).toList());
	}

	private static int levels(String levels) {
		if ("all".equalsIgnoreCase(levels)) {
			return Integer.MAX_VALUE;
		}
		try {
			int depth = Integer.parseInt(levels);
			if (depth >= 1) {
				return depth;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw new InvalidInputException("levels", "must be 'all' or a number from 1");
	}

	record CreateProductRequest(@NotBlank @Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
			@NotBlank @Size(max = 255) String name, @Size(max = 5000) String description,
			@NotBlank @Size(max = 20) String unit,
			@NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal price,
			@DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal cost, VatCategory vatCategory,
			Boolean priceIncludesVat, ProductCategory category) {
	}

	record UpdateProductRequest(@Size(max = 50) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
			@Size(min = 1, max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
			@Size(max = 5000) String description,
			@Size(min = 1, max = 20) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String unit,
			@DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal price,
			@DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal cost, ProductStatus status,
			VatCategory vatCategory, Boolean priceIncludesVat, ProductCategory category) {
	}

	record ComponentRequest(@NotNull UUID productId,
			@NotNull @DecimalMin("0.001") @Digits(integer = 16, fraction = 3) BigDecimal quantity) {
	}

	record BillOfMaterialsRequest(@NotNull @Size(max = 200) List<@Valid @NotNull ComponentRequest> components) {
	}

}
