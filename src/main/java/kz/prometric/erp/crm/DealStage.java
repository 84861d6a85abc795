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

}
