package kz.prometric.erp.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline's totals are kept per workspace and stage by the database, in the same
 * transaction as each change of deals (changelog crm/008-deal-stage-totals.sql): they
 * stay exactly the aggregate over the deals while many transactions change stages and
 * values, create and delete deals at the same time, and some of them roll back.
 */
@ErpIntegrationTest
class DealStageTotalsTests {

	private static final String[] OPEN = { "NEW", "QUALIFIED", "PROPOSAL", "NEGOTIATION" };

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void concurrentStageChangesThroughTheApiKeepTheTotalsExact() throws Exception {
		TestData.User owner = this.data.user("Totals");
		TestData.Org org = this.data.organization(owner, "Stage Totals Trade");
		String deals = "/api/workspaces/" + org.workspaceId() + "/deals";
		UUID customer = this.data.customer(owner, org.workspaceId(), "Concurrent Buyer LLP");
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ids.add(this.data.deal(owner, org.workspaceId(), customer, "Deal " + i, Map.of("value", (i + 1) + "00.15"))
				.path("id")
				.asText());
		}
		List<Callable<Integer>> moves = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			String stage = OPEN[1 + i % 3];
			moves.add(() -> this.api.post(deals + "/" + id + "/stage", owner.token(), Map.of("stage", stage)).status());
		}
		assertThat(Concurrently.run(moves)).containsOnly(200);

		JsonNode pipeline = this.api.get(deals + "/pipeline", owner.token()).json();

		assertThat(pipeline).hasSize(6);
		Map<String, String[]> expected = aggregate(org.workspaceId());
		assertThat(expected.keySet()).containsExactlyInAnyOrder("QUALIFIED", "PROPOSAL", "NEGOTIATION");
		for (JsonNode stage : pipeline) {
			String[] sums = expected.getOrDefault(stage.path("stage").asText(), new String[] { "0", "0", "0" });
			assertThat(stage.path("count").asLong()).as(stage.toString()).isEqualTo(Long.parseLong(sums[0]));
			assertThat(stage.path("value").decimalValue()).as(stage.toString()).isEqualByComparingTo(sums[1]);
			assertThat(stage.path("weightedValue").decimalValue()).as(stage.toString())
				.isEqualByComparingTo(new BigDecimal(sums[2]).movePointLeft(2).setScale(2, RoundingMode.HALF_UP));
		}
	}

	@Test
	void manyConcurrentTransactionsSomeRolledBackKeepTheTotalsExact() throws Exception {
		TestData.User owner = this.data.user("Racing");
		TestData.Org org = this.data.organization(owner, "Racing Totals Trade");
		UUID customer = this.data.customer(owner, org.workspaceId(), "Racing Buyer LLP");
		String template = this.data.deal(owner, org.workspaceId(), customer, "Template deal", Map.of("value", "10.00"))
			.path("id")
			.asText();
		UUID ws = org.workspaceId();
		// plain JDBC transactions: every statement of one on its connection
		TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(this.dataSource));
		for (int i = 0; i < 20; i++) {
			copy(template, "NEW", new BigDecimal("1.01").multiply(BigDecimal.valueOf(i)), i * 5);
		}
		List<Callable<Integer>> workers = new ArrayList<>();
		for (int w = 0; w < 6; w++) {
			Random random = new Random(w);
			workers.add(() -> {
				int committed = 0;
				for (int t = 0; t < 30; t++) {
					try {
						Boolean done = transaction.execute(status -> {
							List<String> ids = this.jdbc.queryForList(
									"select id::text from crm_deal where workspace_id = ? and id <> ?::uuid order by id",
									String.class, ws, template);
							// several statements in one transaction, over stages in any
							// order
							for (int s = 0; s < 1 + random.nextInt(3); s++) {
								String id = ids.get(random.nextInt(ids.size()));
								switch (random.nextInt(4)) {
									case 0 -> this.jdbc.update(
											"update crm_deal set stage = ?, probability = ? where id = ?::uuid",
											OPEN[random.nextInt(OPEN.length)], random.nextInt(101), id);
									case 1 ->
										this.jdbc.update("update crm_deal set value = value + ? where id = ?::uuid",
												new BigDecimal(random.nextInt(100_000)).movePointLeft(2), id);
									case 2 -> copy(template, OPEN[random.nextInt(OPEN.length)],
											new BigDecimal(random.nextInt(1_000_000)).movePointLeft(2),
											random.nextInt(101));
									default -> this.jdbc.update(
											"update crm_deal set title = left(title || '.', 200) where id = ?::uuid",
											id);
								}
							}
							if (random.nextInt(4) == 0) {
								// a deal deleted, and every fourth transaction rolled
								// back
								String id = ids.get(random.nextInt(ids.size()));
								this.jdbc.update("delete from crm_deal where id = ?::uuid", id);
								status.setRollbackOnly();
								return false;
							}
							return true;
						});
						committed += Boolean.TRUE.equals(done) ? 1 : 0;
					}
					catch (ConcurrencyFailureException ex) {
						// a deadlock between two of the multi-statement transactions: one
						// is rolled back, as any client would see
					}
				}
				return committed;
			});
		}
		List<Integer> committed = Concurrently.run(workers);
		assertThat(committed.stream().mapToInt(Integer::intValue).sum()).isGreaterThan(45);
		// a committed delete too
		this.jdbc.update("delete from crm_deal where id = (select id from crm_deal where workspace_id = ? "
				+ "and id <> ?::uuid order by id limit 1)", ws, template);

		Map<String, String[]> expected = aggregate(ws);
		Map<String, String[]> kept = new TreeMap<>();
		this.jdbc.query("select stage, deals, value, value_times_probability from crm_deal_stage_total "
				+ "where workspace_id = ? and deals <> 0", row -> {
					kept.put(row.getString(1),
							new String[] { row.getString(2), row.getBigDecimal(3).stripTrailingZeros().toPlainString(),
									row.getBigDecimal(4).stripTrailingZeros().toPlainString() });
				}, ws);
		assertThat(kept).hasSameSizeAs(expected);
		expected.forEach((stage, sums) -> assertThat(kept.get(stage)).as(stage).containsExactly(sums));
	}

	private void copy(String template, String stage, BigDecimal value, int probability) {
		this.jdbc.update("""
				insert into crm_deal (id, workspace_id, customer_id, title, value, currency, stage, probability,
				    created_by, created_at, updated_at)
				select gen_random_uuid(), workspace_id, customer_id, 'Copy', ?, currency, ?, ?, created_by, now(), now()
				  from crm_deal where id = ?::uuid""", value, stage, probability, template);
	}

	/** Stage → count, sum of value, sum of value × probability, over the deals. */
	private Map<String, String[]> aggregate(UUID workspaceId) {
		Map<String, String[]> sums = new TreeMap<>();
		this.jdbc.query("select stage, count(*), sum(value), sum(value * probability) from crm_deal "
				+ "where workspace_id = ? group by stage", row -> {
					sums.put(row.getString(1),
							new String[] { row.getString(2), row.getBigDecimal(3).stripTrailingZeros().toPlainString(),
									row.getBigDecimal(4).stripTrailingZeros().toPlainString() });
				}, workspaceId);
		return sums;
	}

}
