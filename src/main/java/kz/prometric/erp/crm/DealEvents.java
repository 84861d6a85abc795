package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Events of the deal lifecycle, published in the transaction that changes the deal
 * ({@code deal.created}, {@code deal.stage-changed}, {@code deal.won},
 * {@code deal.lost}); listeners with outside effects (mail) run after commit.
 */
public final class DealEvents {

	private DealEvents() {
	}

	public record DealCreated(UUID dealId, UUID workspaceId, UUID customerId, BigDecimal value, Instant occurredAt) {
	}

	public record DealStageChanged(UUID dealId, UUID workspaceId, DealStage from, DealStage to, Instant occurredAt) {
	}

	/**
	 * The deal was won: the only announcement of a win (deal-lifecycle throws no
	 * message). Published in the transaction that wins the deal, after the deal is stored
	 * WON with its product lines; the order side places the order in the same transaction
	 * ({@code DealManagement.wonDeal(workspaceId, dealId)} gives the lines), so a refusal
	 * there rolls the win back.
	 */
	public record DealWon(UUID dealId, UUID workspaceId, UUID customerId, BigDecimal value, Instant occurredAt) {
	}

	public record DealLost(UUID dealId, UUID workspaceId, String reason, Instant occurredAt) {
	}

	/** The expected close date of an open deal has come; the owner is reminded. */
	public record DealCloseDateReached(UUID dealId, UUID workspaceId, UUID assignedTo, String title,
			Instant occurredAt) {
	}

}
