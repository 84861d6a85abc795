package kz.prometric.erp.production.process;

import kz.prometric.erp.production.PurchasingManagement.PurchaseTaskView;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Refreshes what the purchase-requisition forms show, from the requisition as it is now.
 */
final class PurchaseForms {

	private PurchaseForms() {
	}

	static void show(VariableScope scope, PurchaseTaskView view) {
		scope.setVariable(PurchaseRequisition.VAR_REQUISITION_NUMBER, view.requisitionNumber());
		scope.setVariable(PurchaseRequisition.VAR_PRODUCT_NAME, view.productName());
		scope.setVariable(PurchaseRequisition.VAR_QUANTITY, view.quantity().doubleValue());
		scope.setVariable(PurchaseRequisition.VAR_SUPPLIER_NAME, view.supplierName());
		scope.setVariable(PurchaseRequisition.VAR_AMOUNT, view.amount().doubleValue());
		scope.setVariable(PurchaseRequisition.VAR_REQUESTER, view.requester());
		scope.setVariable(PurchaseRequisition.VAR_PURCHASE_ORDER_NUMBER, view.purchaseOrderNumber());
		scope.setVariable(PurchaseRequisition.VAR_REJECTION_REASON, view.rejectionReason());
	}

}
