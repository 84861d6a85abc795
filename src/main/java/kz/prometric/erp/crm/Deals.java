package kz.prometric.erp.crm;

import java.time.LocalDate;
import java.util.List;

import java.util.UUID;

import kz.prometric.erp.shared.WorkspaceRepository;

import org.springframework.data.jpa.repository.Query;

interface Deals extends WorkspaceRepository<Deal>, CustomerReferences {

	boolean existsByCustomerId(UUID customerId);

	@Override
	default boolean hasDeals(UUID customerId) {
		return existsByCustomerId(customerId);
	}

	/**
	 * Per stage: stage, count, sum of value, sum of value × probability; kept by the
	 * database in the same transaction as every change of deals (changelog
	 * crm/008-deal-stage-totals.sql), so it reads a row per stage instead of every deal.
	 */
	@Query(value = "select stage, deals, value, value_times_probability from crm_deal_stage_total "
			+ "where workspace_id = :workspaceId", nativeQuery = true)
	List<Object[]> pipeline(UUID workspaceId);

	/**
	 * Open deals per month of the expected close date: year, month, count, sum of value,
	 * sum of value × probability.
	 */
	@Query("select year(d.expectedCloseDate), month(d.expectedCloseDate), count(d), sum(d.value), "
			+ "sum(d.value * d.probability) from Deal d where d.workspaceId = :workspaceId "
			+ "and d.stage not in (kz.prometric.erp.crm.DealStage.WON, kz.prometric.erp.crm.DealStage.LOST) "
			+ "and d.expectedCloseDate between :first and :last "
			+ "group by year(d.expectedCloseDate), month(d.expectedCloseDate) "
			+ "order by year(d.expectedCloseDate), month(d.expectedCloseDate)")
	List<Object[]> forecast(UUID workspaceId, LocalDate first, LocalDate last);

	@Query("select d.stage, count(d), coalesce(sum(d.value), 0), coalesce(sum(d.value * d.probability), 0) "
			+ "from Deal d where d.workspaceId = :workspaceId "
			+ "and (:customerId is null or d.customerId = :customerId) "
			+ "and (:assignedTo is null or d.assignedTo = :assignedTo) "
			+ "and (:search is null or fold(d.title) like :search escape '\\') group by d.stage")
	java.util.List<Object[]> totalsByStage(UUID workspaceId, UUID customerId, UUID assignedTo, String search);

}
