package kz.prometric.erp.production;

/**
 * Who does the work at a work center: operators with Tasklist tasks (MANUAL), or a
 * machine or MES through the external-task adapter (EXTERNAL, topic
 * {@code production.<code>}).
 */
public enum WorkCenterKind {

	MANUAL, EXTERNAL

}
