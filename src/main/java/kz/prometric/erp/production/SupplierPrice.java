package kz.prometric.erp.production;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.prometric.erp.shared.InvalidInputException;

/** A supplier's price for one product: KZT per unit without VAT, and the lead time. */
@Entity
@Table(name = "prod_supplier_price")
class SupplierPrice {

	@Id
	private UUID id;

	private UUID workspaceId;

	private UUID supplierId;

	private UUID productId;

	private BigDecimal unitPrice;

	private int leadTimeDays;

	private Instant updatedAt;

	@Version
	private long version;

	protected SupplierPrice() {
	}

	SupplierPrice(UUID workspaceId, UUID supplierId, UUID productId, BigDecimal unitPrice, Integer leadTimeDays,
			Instant now) {
		this.id = UUID.randomUUID();
		this.workspaceId = workspaceId;
		this.supplierId = supplierId;
		this.productId = productId;
		change(unitPrice, leadTimeDays, now);
	}

	void change(BigDecimal unitPrice, Integer leadTimeDays, Instant now) {
		if (unitPrice == null) {
			throw new InvalidInputException("unitPrice", "must not be null");
		}
		if (unitPrice.signum() < 0) {
			throw new InvalidInputException("unitPrice", "must not be negative");
		}
		if (unitPrice.scale() > 2) {
			throw new InvalidInputException("unitPrice", "has at most 2 decimals");
		}
		int days = (leadTimeDays != null) ? leadTimeDays : 0;
		if (days < 0 || days > 3650) {
			throw new InvalidInputException("leadTimeDays", "must be between 0 and 3650");
		}
		this.unitPrice = unitPrice.setScale(2, RoundingMode.UNNECESSARY);
		this.leadTimeDays = days;
		this.updatedAt = now;
	}

	UUID supplierId() {
		return this.supplierId;
	}

	UUID productId() {
		return this.productId;
	}

	BigDecimal unitPrice() {
		return this.unitPrice;
	}

	int leadTimeDays() {
		return this.leadTimeDays;
	}

	SupplierPriceView view(String productCode, String productName) {
		return new SupplierPriceView(this.supplierId, this.productId, productCode, productName, this.unitPrice,
				this.leadTimeDays, this.updatedAt);
	}

}
