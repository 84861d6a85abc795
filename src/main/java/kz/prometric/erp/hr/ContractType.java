package kz.prometric.erp.hr;

/**
 * The kind of contract: open-ended, fixed-term (it has an end date) or a contractor's
 * (civil-law contract, no probation by default).
 */
public enum ContractType {

	PERMANENT, FIXED_TERM, CONTRACTOR

}
