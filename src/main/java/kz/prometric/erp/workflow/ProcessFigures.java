package kz.prometric.erp.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cycle times of a workspace's processes from the engine's history, for the analytics
 * reports: aggregates summed by the database over the history tables
 * ({@code act_hi_procinst}, {@code act_hi_actinst}) of the workspace's tenant only. No
 * access check: the caller (the analytics module) has checked that the caller belongs to
 * the workspace.
 * <p>
 * Per process key: the instances that <b>ended</b> in the period (end time from
 * {@code from} included to {@code to} excluded), how many completed (reached an end
 * event) and how many were terminated (cancelled, deleted), and the average and median
 * duration of the completed ones. Per step (activity): the activity instances of that key
 * that ended in the period and were not cancelled, their count, average and median
 * duration. Steps are the activities that can take time: tasks, sub-processes, call
 * activities and catching intermediate events; gateways, start, end, boundary and
 * throwing events (which take no time) are left out. Durations are milliseconds, the
 * average rounded half up to the millisecond, the median the middle value or the mean of
 * the two middle values, rounded half up.
 */
@Service
public class ProcessFigures {

	private final JdbcTemplate jdbc;

	ProcessFigures(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The process and step figures of the workspace's tenant (its id) for the instances
	 * and steps that ended from {@code from} (included) to {@code to} (excluded), by
	 * process key.
	 */
	@Transactional(readOnly = true)
	public List<ProcessFigure> ended(UUID workspaceId, Instant from, Instant to) {
		String tenantId = workspaceId.toString();
		Map<String, ProcessFigure> processes = new LinkedHashMap<>();
		// the engine writes its times as local timestamps of this JVM's zone: a
		// java.sql.Timestamp is bound the same way
		Timestamp start = Timestamp.from(from);
		Timestamp end = Timestamp.from(to);
		this.jdbc.query("""
				select proc_def_key_ process_key,
				       count(*) filter (where state_ = 'COMPLETED') completed,
				       count(*) filter (where state_ <> 'COMPLETED') terminated,
				       avg(duration_) filter (where state_ = 'COMPLETED') average_ms,
				       percentile_cont(0.5) within group (order by duration_)
				           filter (where state_ = 'COMPLETED') median_ms
				  from act_hi_procinst
				 where tenant_id_ = ? and end_time_ is not null and end_time_ >= ? and end_time_ < ?
				 group by proc_def_key_
				 order by proc_def_key_
				""", rs -> {
			String key = rs.getString("process_key");
			processes.put(key, new ProcessFigure(key, rs.getLong("completed"), rs.getLong("terminated"),
					millis(rs, "average_ms"), millis(rs, "median_ms"), new ArrayList<>()));
		}, tenantId, start, end);
		this.jdbc.query(
				"""
						select proc_def_key_ process_key, act_id_ activity_id, max(act_name_) activity_name,
						       max(act_type_) activity_type, count(*) instances, avg(duration_) average_ms,
						       percentile_cont(0.5) within group (order by duration_) median_ms
						  from act_hi_actinst
						 where tenant_id_ = ? and end_time_ is not null and end_time_ >= ? and end_time_ < ?
						   and act_inst_state_ <> 2
						   and act_type_ not like '%Gateway' and act_type_ not like '%StartEvent' and act_type_ not like 'start%'
						   and act_type_ not like '%EndEvent' and act_type_ not like 'boundary%' and act_type_ not like '%Throw%'
						 group by proc_def_key_, act_id_
						 order by proc_def_key_, avg(duration_) desc, act_id_
						""",
				rs -> {
					String key = rs.getString("process_key");
					ProcessFigure process = processes.computeIfAbsent(key,
							k -> new ProcessFigure(k, 0, 0, null, null, new ArrayList<>()));
					process.steps()
						.add(new StepFigure(rs.getString("activity_id"), rs.getString("activity_name"),
								rs.getString("activity_type"), rs.getLong("instances"), millis(rs, "average_ms"),
								millis(rs, "median_ms")));
				}, tenantId, start, end);
		return processes.values()
			.stream()
			.map(p -> new ProcessFigure(p.processKey(), p.completed(), p.terminated(), p.averageMillis(),
					p.medianMillis(), List.copyOf(p.steps())))
			.toList();
	}

	private static Long millis(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value == null) ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
	}

	/**
	 * One process key: instances completed and terminated in the period, the duration of
	 * the completed ones (null without any), and its steps.
	 */
	public record ProcessFigure(String processKey, long completed, long terminated, Long averageMillis,
			Long medianMillis, List<StepFigure> steps) {
	}

	/** One activity of a process: instances ended in the period and their duration. */
	public record StepFigure(String activityId, String activityName, String activityType, long instances,
			Long averageMillis, Long medianMillis) {
	}

}
