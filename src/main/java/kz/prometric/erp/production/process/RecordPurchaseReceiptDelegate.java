package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * "Book goods into stock": receives the purchase order's goods into stock at its unit
 * price, exactly once.
 */
@Component
class RecordPurchaseReceiptDelegate implements JavaDelegate {

	private final PurchasingManagement purchasing;

	RecordPurchaseReceiptDelegate(PurchasingManagement purchasing) {
		this.purchasing = purchasing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.purchasing.recordGoodsReceipt(PurchaseRequisition.instance(execution));
	}

}
