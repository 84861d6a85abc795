package kz.prometric.erp.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each person's own Tasklist filters, written at every webapp login (so they follow the
 * person's roles and teams as they are when he logs in):
 * <ul>
 * <li><b>My tasks</b>: the tasks assigned to him;</li>
 * <li><b>My team's tasks</b>: the tasks not yet taken that are offered to one of his
 * groups: the roles he holds in his workspaces and the teams he is in.</li>
 * </ul>
 * Expressions in stored queries are off ({@link QueryExpressionGuard}), so the queries
 * hold concrete values: his user id and the ids of his groups at login. The filters are
 * his (their owner), so only he sees them; what they find is still limited by the
 * engine's authorizations and his workspaces (tenant check). Overdue tasks are an ERP
 * page, not a filter.
 */
@Component
class TasklistFilters {

	static final String MY_TASKS = "My tasks";

	static final String MY_TEAMS_TASKS = "My team's tasks";

	private final FilterService filters;

	private final TaskService tasks;

	private final EngineDirectory directory;

	private final TransactionTemplate transaction;

	TasklistFilters(FilterService filters, TaskService tasks, EngineDirectory directory,
			TransactionTemplate transaction) {
		this.filters = filters;
		this.tasks = tasks;
		this.directory = directory;
		this.transaction = transaction;
	}

	/**
	 * Creates or updates the person's filters (engine user id = e-mail); a person the
	 * engine does not know (blocked, unknown) gets none.
	 */
	void refresh(String userId) {
		Optional<EngineIdentity.Resolved> resolved = this.directory.resolve(userId);
		if (resolved.isEmpty()) {
			return;
		}
		List<String> groups = resolved.get().groupIds().stream().filter(g -> g.contains(":")).sorted().toList();
		this.transaction.executeWithoutResult(status -> {
			save(userId, MY_TASKS, this.tasks.createTaskQuery().taskAssignee(userId),
					Map.of("description", "Tasks assigned to you", "priority", -30, "refresh", true));
			if (groups.isEmpty()) {
				find(userId, MY_TEAMS_TASKS).ifPresent(f -> this.filters.deleteFilter(f.getId()));
			}
			else {
				save(userId, MY_TEAMS_TASKS, this.tasks.createTaskQuery().taskCandidateGroupIn(new ArrayList<>(groups)),
						Map.of("description", "Tasks offered to your roles and teams, not yet taken", "priority", -20,
								"refresh", true));
			}
		});
	}

	private void save(String owner, String name, TaskQuery query, Map<String, Object> properties) {
		Filter filter = find(owner, name).orElseGet(() -> this.filters.newTaskFilter(name).setOwner(owner));
		filter.setQuery(query);
		filter.setProperties(properties);
		this.filters.saveFilter(filter);
	}

	private Optional<Filter> find(String owner, String name) {
		return this.filters.createFilterQuery().filterOwner(owner).filterName(name).list().stream().findFirst();
	}

}
