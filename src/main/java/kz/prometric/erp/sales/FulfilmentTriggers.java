package kz.prometric.erp.sales;

import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.finance.InvoiceEvents.InvoicePaid;
import kz.prometric.erp.production.ProductionEvents.ProductionRunFinished;
import kz.prometric.erp.production.ProductionEvents.ProductionRunStopped;
import kz.prometric.erp.production.ProductionEvents.PurchaseReceived;
import kz.prometric.erp.production.ProductionEvents.PurchaseRejected;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How other modules' facts move sales' own process, synchronously in the transaction that
 * publishes them (so the fact and its consequence commit or roll back together):
 * <ul>
 * <li>crm's {@link DealWon}: the deal's order is placed (once) and its order-fulfilment
 * instance starts, like a hand-entered order's;</li>
 * <li>finance's {@link InvoicePaid}: sales correlates its own {@code Msg_InvoicePaid} to
 * the order's instance by business key and tenant;</li>
 * <li>production's {@link ProductionRunFinished} and {@link PurchaseReceived} for an
 * order: {@code Msg_StockReplenished} (the order reserves again);
 * {@link ProductionRunStopped} CANCELLED and {@link PurchaseRejected} for an order:
 * {@code Msg_ReplenishmentFailed} (a manager's replenish-stock task says what failed);
 * both only when the order's instance waits for them. A SCRAPPED run was re-planned for
 * the same order line: the order records the new production order and keeps waiting.</li>
 * </ul>
 */
@Component
class FulfilmentTriggers {

	private static final String CANCELLED = "CANCELLED";

	private final OrderManagement orders;

	FulfilmentTriggers(OrderManagement orders) {
		this.orders = orders;
	}

	@EventListener
	void on(DealWon won) {
		this.orders.placeForWonDeal(won.workspaceId(), won.dealId());
	}

	@EventListener
	void on(InvoicePaid paid) {
		this.orders.invoicePaid(paid.workspaceId(), paid.orderId());
	}

	@EventListener
	void on(ProductionRunFinished finished) {
		this.orders.replenishmentEnded(finished.workspaceId(), finished.sourceOrderId(), finished.orderNumber(), null);
	}

	@EventListener
	void on(PurchaseReceived received) {
		this.orders.replenishmentEnded(received.workspaceId(), received.sourceOrderId(), received.requisitionNumber(),
				null);
	}

	@EventListener
	void on(ProductionRunStopped stopped) {
		if (CANCELLED.equals(stopped.outcome())) {
			this.orders.replenishmentEnded(stopped.workspaceId(), stopped.sourceOrderId(), stopped.orderNumber(),
					"Production order " + stopped.orderNumber() + " was cancelled");
		}
		else {
			this.orders.replenishmentReplanned(stopped.workspaceId(), stopped.sourceOrderId(), stopped.orderNumber(),
					stopped.replannedAs());
		}
	}

	@EventListener
	void on(PurchaseRejected rejected) {
		this.orders.replenishmentEnded(rejected.workspaceId(), rejected.sourceOrderId(), rejected.requisitionNumber(),
				"Purchase requisition " + rejected.requisitionNumber() + " was rejected"
						+ ((rejected.reason() == null || rejected.reason().isBlank()) ? "" : ": " + rejected.reason()));
	}

}
