package kz.prometric.erp.crm;

import java.util.Set;

import kz.prometric.erp.crm.process.DealLifecycle;

import kz.prometric.erp.workflow.ProcessContract;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What this module's code relies on in its processes ({@link ProcessContract}): a
 * workspace's own version of them must keep it.
 */
@Configuration(proxyBeanMethods = false)
class DealProcessContracts {

	@Bean
	ProcessContract dealLifecycleContract() {
		return new ProcessContract(DealLifecycle.KEY, Set.of(DealLifecycle.MSG_STAGE_CHANGED), Set.of(),
				Set.of(DealLifecycle.VAR_OUTCOME, DealLifecycle.VAR_LOST_REASON, DealLifecycle.VAR_NEXT_STAGE,
						DealLifecycle.VAR_DISCOUNT_APPROVED));
	}

}
