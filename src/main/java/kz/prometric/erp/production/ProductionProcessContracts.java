package kz.prometric.erp.production;

import java.util.Set;

import kz.prometric.erp.production.process.PurchaseRequisition;

import kz.prometric.erp.production.process.ProductionRun;

import kz.prometric.erp.workflow.ProcessContract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module's code relies on in its processes ({@link ProcessContract}): a
 * workspace's own version of them must keep it.
 */
@Configuration(proxyBeanMethods = false)
class ProductionProcessContracts {

	@Bean
	ProcessContract productionRunContract() {
		return new ProcessContract(ProductionRun.KEY,
				Set.of(ProductionRun.MSG_RUN_CANCELLED, ProductionRun.MSG_SUBASSEMBLY_FINISHED),
				Set.of(ProductionRun.TASK_INSPECT_QUALITY),
				Set.of(ProductionRun.VAR_OPERATION_ID, ProductionRun.VAR_GOOD_QUANTITY,
						ProductionRun.VAR_SCRAP_QUANTITY, ProductionRun.VAR_DURATION_MINUTES, ProductionRun.VAR_NOTES,
						ProductionRun.VAR_SAMPLED, ProductionRun.VAR_DEFECTS, ProductionRun.VAR_INSPECTION_NOTES));
	}

	@Bean
	ProcessContract purchaseRequisitionContract() {
		return new ProcessContract(PurchaseRequisition.KEY, Set.of(), Set.of(), Set.of(PurchaseRequisition.VAR_DECISION,
				PurchaseRequisition.VAR_COMMENT, PurchaseRequisition.VAR_DELIVERY_NOTE));
	}

}
