package kz.prometric.erp.catalog;

/**
 * Whether a product is sold. An archived product keeps its history (deals, orders, stock,
 * bills of materials) and can be made active again.
 */
public enum ProductStatus {

	ACTIVE, ARCHIVED

}
