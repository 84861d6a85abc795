package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The candidate groups of a page of tasks in one query. The engine's API reads a task's
 * identity links one task at a time ({@code TaskService#getIdentityLinksForTask}), which
 * made a list of ten tasks cost ten round trips; this reads the engine's identity link
 * table (its name as the engine reports it) for all of them at once. Read only, and only
 * for tasks the caller was already allowed to list.
 */
@Component
class CandidateGroups {

	private final NamedParameterJdbcTemplate jdbc;

	private final String sql;

	CandidateGroups(NamedParameterJdbcTemplate jdbc, ManagementService management) {
		this.jdbc = jdbc;
		this.sql = "select TASK_ID_, GROUP_ID_ from " + management.getTableName(IdentityLinkEntity.class)
				+ " where TASK_ID_ in (:taskIds) and TYPE_ = :type and GROUP_ID_ is not null order by TASK_ID_, GROUP_ID_";
	}

	/**
	 * Task id → its candidate group ids (sorted, no duplicates); tasks with none are
	 * absent.
	 */
	Map<String, List<String>> of(Collection<String> taskIds) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		if (taskIds.isEmpty()) {
			return groups;
		}
		this.jdbc.query(this.sql, Map.of("taskIds", taskIds, "type", IdentityLinkType.CANDIDATE), row -> {
			List<String> ofTask = groups.computeIfAbsent(row.getString(1), id -> new ArrayList<>());
			String group = row.getString(2);
			if (!ofTask.contains(group)) {
				ofTask.add(group);
			}
		});
		return groups;
	}

}
