package kz.prometric.erp.catalog;

/**
 * What kind of thing a product is, for purchasing approval and quality inspection (the
 * {@code purchase-approval} and {@code quality-inspection} decision tables read it by
 * name). A new product is OTHER unless told.
 */
public enum ProductCategory {

	/** Bought and consumed by production: steel, wood, flour. */
	RAW_MATERIAL,
	/** A part or sub-assembly built into another product. */
	COMPONENT,
	/** Boxes, pallets, labels. */
	PACKAGING,
	/** Used up in operations without becoming part of the product: glue, lubricant. */
	CONSUMABLE,
	/** Made to be sold. */
	FINISHED_GOOD,
	/** Tools and machines. */
	EQUIPMENT,
	/** Anything else. */
	OTHER

}
