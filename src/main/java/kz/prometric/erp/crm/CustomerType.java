package kz.prometric.erp.crm;

/**
 * Whether a customer is a person (identified by an IIN) or a legal entity (identified by
 * a BIN).
 */
public enum CustomerType {

	INDIVIDUAL, COMPANY

}
