package kz.prometric.erp.sales;

import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.finance.InvoiceEvents.InvoicePaid;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How other modules' facts move sales' own process, synchronously in the transaction that
 * publishes them (so the fact and its consequence commit or roll back together):
 * <ul>
 * <li>crm's {@link DealWon}: the deal's order is placed (once) and its order-fulfilment
 * instance starts, like a hand-entered order's;</li>
 * <li>finance's {@link InvoicePaid}: sales correlates its own {@code Msg_InvoicePaid} to
 * the order's instance by business key and tenant.</li>
 * </ul>
 */
@Component
class FulfilmentTriggers {

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

}
