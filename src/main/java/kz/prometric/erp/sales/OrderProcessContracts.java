package kz.prometric.erp.sales;

import java.util.Set;

import kz.prometric.erp.sales.process.OrderFulfilment;

import kz.prometric.erp.workflow.ProcessContract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module's code relies on in its processes ({@link ProcessContract}): a
 * workspace's own version of them must keep it.
 */
@Configuration(proxyBeanMethods = false)
class OrderProcessContracts {

	@Bean
	ProcessContract orderFulfilmentContract() {
		return new ProcessContract(OrderFulfilment.KEY,
				Set.of(OrderFulfilment.MSG_ORDER_CANCELLED, OrderFulfilment.MSG_INVOICE_PAID,
						OrderFulfilment.MSG_STOCK_REPLENISHED, OrderFulfilment.MSG_REPLENISHMENT_FAILED),
				Set.of(OrderFulfilment.TASK_REPLENISH_STOCK, OrderFulfilment.TASK_SHIP_ORDER,
						OrderFulfilment.TASK_COLLECT_PAYMENT),
				Set.of(OrderFulfilment.VAR_CARRIER, OrderFulfilment.VAR_TRACKING_NUMBER));
	}

}
