package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import kz.prometric.erp.crm.DealEvents.DealCreated;
import kz.prometric.erp.crm.DealEvents.DealLost;
import kz.prometric.erp.crm.DealEvents.DealStageChanged;
import kz.prometric.erp.crm.DealEvents.DealWon;
import kz.prometric.erp.crm.DealManagement.NewDeal;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The façade publishes deal.created, deal.stage-changed, deal.won and deal.lost in the
 * transaction that changes the deal, and none when the change is refused.
 */
@ErpIntegrationTest
@RecordApplicationEvents
class DealManagementIntegrationTests {

	@Autowired
	DealManagement deals;

	@Autowired
	TestData data;

	@Autowired
	ApplicationEvents events;

	@Test
	void publishesCreatedStageChangedAndWon() {
		TestData.User owner = this.data.user("Yerbol");
		TestData.Org org = this.data.organization(owner, "Yerbol Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Buyer LLP");

		DealView deal = this.deals.create(org.workspaceId(), owner.id(), newDeal(customer));
		this.deals.changeStage(org.workspaceId(), owner.id(), deal.id(), DealStage.WON, null);

		assertThat(this.events.stream(DealCreated.class)).singleElement()
			.satisfies(e -> assertThat(e.dealId()).isEqualTo(deal.id()));
		assertThat(this.events.stream(DealStageChanged.class)).singleElement()
			.satisfies(e -> assertThat(List.of(e.from(), e.to())).containsExactly(DealStage.NEW, DealStage.WON));
		assertThat(this.events.stream(DealWon.class)).singleElement()
			.satisfies(e -> assertThat(e.value()).isEqualByComparingTo("1200000.00"));
	}

	@Test
	void publishesLostWithItsReasonAndNothingForARefusedMove() {
		TestData.User owner = this.data.user("Zhanna");
		TestData.Org org = this.data.organization(owner, "Zhanna Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Buyer LLP");
		DealView deal = this.deals.create(org.workspaceId(), owner.id(), newDeal(customer));

		this.deals.changeStage(org.workspaceId(), owner.id(), deal.id(), DealStage.LOST, "No budget");
		assertThatThrownBy(() -> this.deals.changeStage(org.workspaceId(), owner.id(), deal.id(), DealStage.WON, null))
			.hasMessageContaining("final");

		assertThat(this.events.stream(DealLost.class)).singleElement()
			.satisfies(e -> assertThat(e.reason()).isEqualTo("No budget"));
		assertThat(this.events.stream(DealWon.class)).isEmpty();
		assertThat(this.events.stream(DealStageChanged.class)).hasSize(1);
	}

	private static NewDeal newDeal(UUID customer) {
		return new NewDeal(customer, "Cement", null, null, null, null, List.of(new DealProduct(null, "Cement M400 (t)",
				new BigDecimal("40"), new BigDecimal("30000.00"), BigDecimal.ZERO)));
	}

}
