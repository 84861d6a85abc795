package kz.prometric.erp.inventory;

/**
 * Why stock changed. Each type moves on hand and reserved quantities in one fixed way
 * (the movement's quantity is positive, except for ADJUSTMENT, where its sign is the
 * direction).
 * <ul>
 * <li>RECEIPT, PRODUCTION_OUTPUT: on hand +q</li>
 * <li>ADJUSTMENT: on hand ±q</li>
 * <li>RESERVATION: reserved +q</li>
 * <li>RELEASE: reserved −q</li>
 * <li>ISSUE: on hand −q and reserved −q (reserved stock leaves the warehouse)</li>
 * <li>ISSUE_TO_PRODUCTION: on hand −q and reserved −q (reserved material goes into a
 * production order)</li>
 * <li>SCRAP: no change (a production lot that never reached stock is written off; the
 * movement records its quantity and value)</li>
 * </ul>
 */
public enum MovementType {

	RECEIPT, RESERVATION, RELEASE, ISSUE, PRODUCTION_OUTPUT, ADJUSTMENT, ISSUE_TO_PRODUCTION, SCRAP

}
