package kz.prometric.erp.production;

/**
 * Why a production order exists: entered by hand, planned for a sales order line short of
 * stock, or for a requirement of a parent production order (a sub-assembly).
 */
public enum ProductionSource {

	MANUAL, SALES_ORDER_LINE, PARENT

}
