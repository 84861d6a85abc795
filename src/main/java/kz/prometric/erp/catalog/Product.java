package kz.prometric.erp.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.VatCategory;
import kz.prometric.erp.shared.InvalidInputException;

/**
 * Something a workspace sells, stocks or produces. Its code is unique in the workspace
 * regardless of case; price and cost are never negative. Its bill of materials lists the
 * components one unit is made of.
 */
@Entity
@Table(name = "cat_product")
class Product {

	@Id
	private UUID id;

	private UUID workspaceId;

	private String code;

	private String name;

	private String description;

	private String unit;

	private BigDecimal price;

	private BigDecimal cost;

	@Enumerated(EnumType.STRING)
	private ProductStatus status;

	@Enumerated(EnumType.STRING)
	private VatCategory vatCategory;

	private boolean priceIncludesVat;

	@Enumerated(EnumType.STRING)
	private ProductCategory category;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "cat_bom_component", joinColumns = @JoinColumn(name = "product_id"))
	@OrderColumn(name = "line_no")
	private List<BomComponent> components = new ArrayList<>();

	protected Product() {
	}

	Product(UUID workspaceId, CatalogManagement.NewProduct product, Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.code = product.code().strip();
		this.name = product.name().strip();
		this.description = optional(product.description());
		this.unit = product.unit().strip();
		this.price = money("price", product.price());
		this.cost = money("cost", (product.cost() != null) ? product.cost() : BigDecimal.ZERO);
		this.status = ProductStatus.ACTIVE;
		this.vatCategory = (product.vatCategory() != null) ? product.vatCategory() : VatCategory.STANDARD;
		this.priceIncludesVat = Boolean.TRUE.equals(product.priceIncludesVat());
		this.category = (product.category() != null) ? product.category() : ProductCategory.OTHER;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Applies the changes: {@code null} leaves a field, an empty description clears it.
	 */
	void update(CatalogManagement.ProductChanges changes, Instant now) {
		if (changes.code() != null) {
			this.code = changes.code().strip();
		}
		if (changes.name() != null) {
			this.name = changes.name().strip();
		}
		if (changes.description() != null) {
			this.description = optional(changes.description());
		}
		if (changes.unit() != null) {
			this.unit = changes.unit().strip();
		}
		if (changes.price() != null) {
			this.price = money("price", changes.price());
		}
		if (changes.cost() != null) {
			this.cost = money("cost", changes.cost());
		}
		if (changes.status() != null) {
			this.status = changes.status();
		}
		if (changes.vatCategory() != null) {
			this.vatCategory = changes.vatCategory();
		}
		if (changes.priceIncludesVat() != null) {
			this.priceIncludesVat = changes.priceIncludesVat();
		}
		if (changes.category() != null) {
			this.category = changes.category();
		}
		this.updatedAt = now;
	}

	void archive(Instant now) {
		this.status = ProductStatus.ARCHIVED;
		this.updatedAt = now;
	}

	/** Replaces the bill of materials; the caller has checked the components. */
	void replaceComponents(List<BomComponent> components, Instant now) {
		this.components.clear();
		this.components.addAll(components);
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String code() {
		return this.code;
	}

	ProductCategory category() {
		return this.category;
	}

	List<BomComponent> components() {
		return List.copyOf(this.components);
	}

	ProductView view() {
		return new ProductView(this.id, this.workspaceId, this.code, this.name, this.description, this.unit, this.price,
				this.cost, this.status, this.vatCategory, this.priceIncludesVat, this.createdAt, this.updatedAt,
				this.category);
	}

	/** An amount in KZT: not negative, at most 2 decimals (400 naming the field). */
	static BigDecimal money(String field, BigDecimal amount) {
		if (amount.signum() < 0) {
			throw new InvalidInputException(field, "must not be negative");
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			throw new InvalidInputException(field, "must have at most 2 decimals");
		}
		return amount.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static String optional(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
