package kz.prometric.erp.crm;

/**
 * The sales pipeline: NEW → QUALIFIED → PROPOSAL → NEGOTIATION → WON | LOST. WON and LOST
 * are final.
 */
public enum DealStage {

	NEW, QUALIFIED, PROPOSAL, NEGOTIATION, WON, LOST;

	public boolean isFinal() {
		return this == WON || this == LOST;
	}

	/**
	 * Stages that a discount flagged by the discount-approval decision may reach only
	 * with a manager's approval: the proposal and every stage after it.
	 */
	public boolean needsApprovedDiscount() {
		return this == PROPOSAL || this == NEGOTIATION || this == WON;
	}

}
