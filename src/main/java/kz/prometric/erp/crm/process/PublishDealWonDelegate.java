package kz.prometric.erp.crm.process;

import java.util.UUID;

import kz.prometric.erp.crm.DealManagement;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The won end event: throws {@code Msg_DealWon} with the deal id, which starts order
 * fulfilment.
 */
@Component
class PublishDealWonDelegate implements JavaDelegate {

	private final DealManagement deals;

	PublishDealWonDelegate(DealManagement deals) {
		this.deals = deals;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.deals.announceWon(UUID.fromString((String) execution.getVariable(DealLifecycle.VAR_DEAL_ID)));
	}

}
