package kz.prometric.erp.crm;

/**
 * What a change record of a deal says happened: created, moved (to a stage, won, lost),
 * or a detail changed.
 */
public enum DealChangeKind {

	CREATED, STAGE_CHANGED, WON, LOST, VALUE_CHANGED, PRODUCTS_CHANGED, ASSIGNED, TITLE_CHANGED, DESCRIPTION_CHANGED,
	CLOSE_DATE_CHANGED, PROBABILITY_CHANGED, DISCOUNT_APPROVED

}
