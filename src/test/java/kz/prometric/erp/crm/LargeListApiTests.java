package kz.prometric.erp.crm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list contract of the large lists (issue 12): a total counted up to
 * {@link PageResult#TOTAL_CAP} with {@code totalExact}, pages as deep as the cap, and a
 * stable order across pages when many rows tie on the sort key.
 */
@ErpIntegrationTest
class LargeListApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void countsUpToTheCapAndSaysWhenTheTotalIsNotExact() {
		TestData.User owner = this.data.user("Capped");
		TestData.Org org = this.data.organization(owner, "Capped Trade");
		int rows = PageResult.TOTAL_CAP + 5;
		this.jdbc.update(
				"""
						insert into crm_customer (id, workspace_id, type, name, email, created_at, updated_at)
						select gen_random_uuid(), ?, 'COMPANY', 'Bulk customer ' || n, 'bulk' || n || '@example.kz', now(), now()
						  from generate_series(1, ?) n""",
				org.workspaceId(), rows);
		String customers = "/api/workspaces/" + org.workspaceId() + "/customers";

		JsonNode first = this.api.get(customers, owner.token()).json();
		assertThat(first.path("total").asLong()).isEqualTo(PageResult.TOTAL_CAP);
		assertThat(first.path("totalExact").asBoolean()).isFalse();
		assertThat(first.path("items")).hasSize(20);

		JsonNode few = this.api.get(customers + "?q=bulk1234@", owner.token()).json();
		assertThat(few.path("total").asLong()).isEqualTo(1);
		assertThat(few.path("totalExact").asBoolean()).isTrue();

		JsonNode some = this.api.get(customers + "?q=Bulk+customer+999&size=5&page=2", owner.token()).json();
		// 999 and 9990..9999: eleven, counted exactly although the page is full
		assertThat(some.path("total").asLong()).isEqualTo(11);
		assertThat(some.path("totalExact").asBoolean()).isTrue();

		Api.Response deepest = this.api.get(customers + "?page=" + (PageResult.TOTAL_CAP / 20), owner.token());
		assertThat(deepest.status()).isEqualTo(200);
		assertThat(deepest.json().path("items")).hasSize(20);

		Api.Response beyond = this.api.get(customers + "?page=" + (PageResult.TOTAL_CAP / 20 + 1), owner.token());
		assertThat(beyond.status()).isEqualTo(400);
		assertThat(beyond.errorFields()).containsExactly("page");
	}

	@Test
	void pagesGiveEveryRowOnceInOrderWhenManyTieOnTheSortKey() {
		TestData.User owner = this.data.user("Ties");
		TestData.Org org = this.data.organization(owner, "Ties Trade");
		TestData.User stranger = this.data.user("Stranger");
		this.jdbc.update("""
				insert into crm_customer (id, workspace_id, type, name, created_at, updated_at)
				select gen_random_uuid(), ?, case when n % 3 = 0 then 'INDIVIDUAL' else 'COMPANY' end, 'Same name',
				       timestamptz '2026-01-01 00:00Z', timestamptz '2026-01-01 00:00Z'
				  from generate_series(1, 47) n""", org.workspaceId());
		String customers = "/api/workspaces/" + org.workspaceId() + "/customers";

		for (String sort : List.of("type", "type,desc", "name", "createdAt,desc")) {
			List<String> seen = new ArrayList<>();
			for (int page = 1; page <= 5; page++) {
				JsonNode result = this.api.get(customers + "?size=10&page=" + page + "&sort=" + sort, owner.token())
					.json();
				assertThat(result.path("total").asLong()).isEqualTo(47);
				assertThat(result.path("totalExact").asBoolean()).isTrue();
				result.path("items")
					.forEach(item -> seen.add(item.path("type").asText() + " " + item.path("id").asText()));
			}
			Set<String> distinct = new HashSet<>(seen);
			assertThat(seen).as(sort).hasSize(47);
			assertThat(distinct).as(sort).hasSize(47);
			List<String> types = seen.stream().map(s -> s.substring(0, s.indexOf(' '))).toList();
			if (sort.startsWith("type")) {
				List<String> sorted = new ArrayList<>(types);
				sorted.sort(sort.endsWith("desc") ? java.util.Comparator.reverseOrder()
						: java.util.Comparator.naturalOrder());
				assertThat(types).as(sort).isEqualTo(sorted);
			}
		}
		assertThat(this.api.get(customers + "?size=10&page=2", stranger.token()).status()).isEqualTo(404);
	}

	@Test
	void deepPagesReadTheirIdsFirstAndKeepTheOrder() {
		TestData.User owner = this.data.user("Deep");
		TestData.Org org = this.data.organization(owner, "Deep Trade");
		this.jdbc.update("""
				insert into crm_customer (id, workspace_id, type, name, created_at, updated_at)
				select gen_random_uuid(), ?, case when n % 3 = 0 then 'INDIVIDUAL' else 'COMPANY' end,
				       'Customer ' || (n % 37), now(), now()
				  from generate_series(1, 260) n""", org.workspaceId());
		String customers = "/api/workspaces/" + org.workspaceId() + "/customers";
		// from offset 200 on the list reads the page's ids first, then the rows by id
		for (String sort : List.of("name", "name,desc", "type,desc")) {
			String order = sort.replace(",desc", "") + (sort.endsWith("desc") ? " desc, id desc" : ", id");
			List<String> expected = this.jdbc
				.queryForList("select id::text from crm_customer where workspace_id = ? order by " + order
						+ " offset 200 limit 10", String.class, org.workspaceId());
			JsonNode page = this.api.get(customers + "?size=10&page=21&sort=" + sort, owner.token()).json();
			List<String> ids = new ArrayList<>();
			page.path("items").forEach(item -> ids.add(item.path("id").asText()));
			assertThat(ids).as(sort).hasSize(10).isEqualTo(expected);
			assertThat(page.path("total").asLong()).isEqualTo(260);
		}
		JsonNode last = this.api.get(customers + "?size=100&page=3", owner.token()).json();
		assertThat(last.path("items")).hasSize(60);
		assertThat(last.path("total").asLong()).isEqualTo(260);
	}

}
