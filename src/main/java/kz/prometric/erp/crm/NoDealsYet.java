package kz.prometric.erp.crm;

import java.util.UUID;

import org.springframework.stereotype.Component;

// replaced by Deals when crm_deal exists
@Component
class NoDealsYet implements CustomerReferences {

	@Override
	public boolean hasDeals(UUID customerId) {
		return false;
	}

}
