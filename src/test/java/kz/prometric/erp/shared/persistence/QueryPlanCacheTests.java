package kz.prometric.erp.shared.persistence;

import java.util.UUID;

import jakarta.persistence.EntityManagerFactory;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.support.ErpIntegrationTest;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Spring Data derived query, a criteria query built once per repository method, is
 * translated to SQL once and its plan reused on every later call
 * ({@code hibernate.criteria.copy_tree} off and {@code criteria.plan_cache_enabled} on):
 * the membership check runs on every workspace request.
 */
@ErpIntegrationTest
class QueryPlanCacheTests {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	WorkspaceManagement workspaces;

	@Test
	void aDerivedQueryIsPlannedOnceAndReused() {
		Statistics statistics = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class).getStatistics();
		boolean wasEnabled = statistics.isStatisticsEnabled();
		statistics.setStatisticsEnabled(true);
		try {
			statistics.clear();
			for (int i = 0; i < 20; i++) {
				UUID workspace = UUID.randomUUID();
				assertThatThrownBy(() -> this.workspaces.requireMember(workspace, UUID.randomUUID()))
					.isInstanceOf(NotFoundException.class);
			}
			// at least: Hibernate's statistics also count other threads' queries
			// (listeners of
			// earlier tests' events)
			assertThat(statistics.getQueryExecutionCount()).isGreaterThanOrEqualTo(20);
			assertThat(statistics.getQueryPlanCacheHitCount()).as("calls answered from the plan cache")
				.isGreaterThanOrEqualTo(19);
		}
		finally {
			statistics.setStatisticsEnabled(wasEnabled);
		}
	}

}
