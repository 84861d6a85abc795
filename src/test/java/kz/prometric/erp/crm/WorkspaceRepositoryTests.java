package kz.prometric.erp.crm;

import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A row is found by id only in its own workspace, and a row the transaction already holds
 * is found without another statement.
 */
@ErpIntegrationTest
class WorkspaceRepositoryTests {

	@Autowired
	TestData data;

	@Autowired
	Deals deals;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	org.springframework.modulith.events.core.EventPublicationRegistry publications;

	@Test
	void anotherWorkspacesDealIsNotFoundAndAHeldDealCostsNoStatement() {
		java.time.Instant started = java.time.Instant.now();
		TestData.User owner = this.data.user("Rows");
		TestData.Org org = this.data.organization(owner, "Rows Trade");
		TestData.Org other = this.data.organization(this.data.user("Other"), "Other Rows Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Rows Customer");
		UUID deal = UUID
			.fromString(this.data.deal(owner, org.workspaceId(), customer, "Rows deal", Map.of()).get("id").asText());

		// the deal's events are handled on other threads, whose statements Hibernate
		// counts
		// too
		kz.prometric.erp.support.AfterCommitWork.awaitDone(this.publications, started);
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class).getStatistics();
		boolean wasEnabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			new TransactionTemplate(this.transactionManager).executeWithoutResult(tx -> {
				assertThat(this.deals.findByIdAndWorkspaceId(deal, other.workspaceId())).isEmpty();
				assertThat(this.deals.findByIdAndWorkspaceId(UUID.randomUUID(), org.workspaceId())).isEmpty();
				assertThat(this.deals.findByIdAndWorkspaceId(deal, org.workspaceId())).isPresent();
				statistics.clear();
				assertThat(this.deals.findByIdAndWorkspaceId(deal, org.workspaceId()))
					.hasValueSatisfying(d -> assertThat(d.workspaceId()).isEqualTo(org.workspaceId()));
				assertThat(statistics.getPrepareStatementCount()).as("statements for a held deal").isZero();
				assertThat(this.deals.findByIdAndWorkspaceId(deal, other.workspaceId())).isEmpty();
			});
		}
		finally {
			statistics.setStatisticsEnabled(wasEnabled);
		}
	}

}
