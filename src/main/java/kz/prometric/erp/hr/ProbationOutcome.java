package kz.prometric.erp.hr;

/**
 * What the manager decided at the end of a probation period: confirmed, extended by some
 * months (the review comes again), or employment ended (offboarding starts).
 */
public enum ProbationOutcome {

	CONFIRMED, EXTENDED, ENDED

}
