package kz.prometric.erp.organization;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@ErpIntegrationTest
class OrganizationApiTests {

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Test
	void createsOrganizationWithItsCompanyWorkspace() {
		TestData.User owner = this.data.user("Askar");
		String bin = TestData.nextBin();

		Api.Response created = this.api.post("/api/organizations", owner.token(),
				Map.of("name", "Askar Trading LLP", "bin", bin));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(id).isNotBlank();
		assertThat(created.json().path("workspaceId").asText()).isNotBlank();
		assertThat(created.json().path("bin").asText()).isEqualTo(bin);
		assertThat(created.json().path("ownerId").asText()).isEqualTo(owner.id().toString());
		assertThat(created.header("Location")).endsWith("/api/organizations/" + id);
		Api.Response fetched = this.api.get("/api/organizations/" + id, owner.token());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().path("name").asText()).isEqualTo("Askar Trading LLP");
	}

	@ParameterizedTest
	@ValueSource(strings = { "240140012343", "24014001234", "2401400123A2", "241340012342", "240170012346",
			"240240000640", "901123300258", "" })
	void refusesInvalidBinNamingTheField(String bin) {
		TestData.User owner = this.data.user("Bakyt");

		Api.Response created = this.api.post("/api/organizations", owner.token(),
				Map.of("name", "Bad BIN", "bin", bin));

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.contentType()).startsWith("application/problem+json");
		assertThat(created.errorFields()).containsExactly("bin");
		assertThat(this.api.get("/api/organizations", owner.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void refusesBinAlreadyRegistered() {
		TestData.User first = this.data.user("Chingiz");
		TestData.User second = this.data.user("Daulet");
		TestData.Org existing = this.data.organization(first, "First Holder");

		Api.Response again = this.api.post("/api/organizations", second.token(),
				Map.of("name", "Second Holder", "bin", existing.bin()));

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.errorFields()).containsExactly("bin");
		assertThat(again.text()).doesNotContain("First Holder");
		assertThat(this.api.get("/api/organizations", second.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void refusesOwnerAndIdSentByTheClient() {
		TestData.User caller = this.data.user("Nurbol");
		TestData.User victim = this.data.user("Oksana");
		String forcedId = UUID.randomUUID().toString();

		Api.Response created = this.api.post("/api/organizations", caller.token(),
				"{\"name\": \"Nurbol Own\", \"bin\": \"" + TestData.nextBin() + "\", \"ownerId\": \"" + victim.id()
						+ "\", \"id\": \"" + forcedId + "\", \"active\": false}");

		// fields the API does not take are refused, naming the first one, not ignored
		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.errorFields()).containsExactly("ownerId");
		assertThat(this.api.get("/api/organizations", caller.token()).json().path("total").asInt()).isZero();
		assertThat(this.api.get("/api/organizations", victim.token()).json().path("total").asInt()).isZero();
	}

	@Test
	void createsOnlyOneOrganizationWhenTheSameBinIsSentConcurrently() throws Exception {
		String bin = TestData.nextBin();
		List<TestData.User> users = List.of(this.data.user("Racer"), this.data.user("Racer"), this.data.user("Racer"),
				this.data.user("Racer"));

		List<Integer> statuses = Concurrently.run(users.stream()
			.map(u -> (Callable<Integer>) () -> this.api
				.post("/api/organizations", u.token(), Map.of("name", "Race " + u.email(), "bin", bin))
				.status())
			.toList());

		assertThat(statuses).containsOnly(201, 409);
		assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
		assertThat(users.stream()
			.mapToInt(u -> this.api.get("/api/organizations", u.token()).json().path("total").asInt())
			.sum()).isEqualTo(1);
	}

	@Test
	void ownerSeesCompanyWorkspaceBesideTheirPersonalOne() {
		TestData.User owner = this.data.user("Elmira");
		List<JsonNode> before = items(this.api.get("/api/workspaces?size=100", owner.token()));
		assertThat(before).hasSize(1);
		assertThat(before.get(0).path("type").asText()).isEqualTo("PERSONAL");
		assertThat(before.get(0).path("role").asText()).isEqualTo("OWNER");

		TestData.Org org = this.data.organization(owner, "Elmira Foods");

		List<JsonNode> after = items(this.api.get("/api/workspaces?size=100", owner.token()));
		assertThat(after).hasSize(2);
		JsonNode company = after.stream()
			.filter(w -> w.path("id").asText().equals(org.workspaceId().toString()))
			.findFirst()
			.orElseThrow();
		assertThat(company.path("type").asText()).isEqualTo("COMPANY");
		assertThat(company.path("role").asText()).isEqualTo("OWNER");
		assertThat(company.path("name").asText()).isEqualTo("Elmira Foods");
		assertThat(company.path("organizationId").asText()).isEqualTo(org.id().toString());
	}

	@Test
	void completesRegistrationWhenUserCreatesAnOrganization() {
		TestData.User owner = this.data.user("Galym");
		assertThat(this.api.get("/api/me", owner.token()).json().path("registrationStatus").asText())
			.isEqualTo("PENDING");

		this.data.organization(owner, "Galym Build");

		assertThat(this.api.get("/api/me", owner.token()).json().path("registrationStatus").asText())
			.isEqualTo("COMPLETED");
	}

	@Test
	void listsOrganizationsPageByPage() {
		TestData.User owner = this.data.user("Ilyas");
		this.data.organization(owner, "Ilyas One");
		this.data.organization(owner, "Ilyas Two");
		this.data.organization(owner, "Ilyas Three");

		Api.Response first = this.api.get("/api/organizations?page=1&size=2", owner.token());
		Api.Response second = this.api.get("/api/organizations?page=2&size=2", owner.token());

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("items")).hasSize(2);
		assertThat(first.json().path("page").asInt()).isEqualTo(1);
		assertThat(first.json().path("size").asInt()).isEqualTo(2);
		assertThat(first.json().path("total").asInt()).isEqualTo(3);
		assertThat(second.json().path("items")).hasSize(1);
		assertThat(second.json().path("page").asInt()).isEqualTo(2);
		List<String> names = new ArrayList<>(names(first));
		names.addAll(names(second));
		assertThat(names).containsExactlyInAnyOrder("Ilyas One", "Ilyas Two", "Ilyas Three");
	}

	@Test
	void listsOnlyOrganizationsTheUserBelongsTo() {
		TestData.User owner = this.data.user("Kamila");
		TestData.User stranger = this.data.user("Lyazzat");
		this.data.organization(owner, "Kamila Private");
		this.data.organization(stranger, "Lyazzat Own");

		Api.Response list = this.api.get("/api/organizations", stranger.token());

		assertThat(names(list)).containsExactly("Lyazzat Own");
		assertThat(list.text()).doesNotContain("Kamila Private");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPaging")
	void refusesInvalidPagingNamingTheParameter(String query, String parameter) {
		TestData.User owner = this.data.user("Marat");

		Api.Response list = this.api.get("/api/organizations?" + query, owner.token());

		assertThat(list.status()).as(list.toString()).isEqualTo(400);
		assertThat(list.contentType()).startsWith("application/problem+json");
		assertThat(list.errorFields()).containsExactly(parameter);
	}

	static Stream<Arguments> invalidPaging() {
		return Stream.of(Arguments.of("page=0", "page"), Arguments.of("page=-1", "page"),
				Arguments.of("page=abc", "page"), Arguments.of("size=0", "size"), Arguments.of("size=101", "size"),
				Arguments.of("sort=unknownField", "sort"), Arguments.of("sort=passwordHash", "sort"),
				Arguments.of("sort=name,sideways", "sort"), Arguments.of("sort=name,asc,desc", "sort"),
				Arguments.of("page=2147483647&size=100", "page"), Arguments.of("page=99999999999", "page"));
	}

	@Test
	void answersEmptyPageBeyondTheLastOne() {
		TestData.User owner = this.data.user("Sanzhar");
		this.data.organization(owner, "Sanzhar Only");

		Api.Response list = this.api.get("/api/organizations?page=1000&size=100", owner.token());

		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		assertThat(list.json().path("items")).isEmpty();
		assertThat(list.json().path("page").asInt()).isEqualTo(1000);
		assertThat(list.json().path("total").asInt()).isEqualTo(1);
	}

	@Test
	void acceptsTheLargestPageSize() {
		TestData.User owner = this.data.user("Nazira");

		Api.Response list = this.api.get("/api/organizations?size=100", owner.token());

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().path("size").asInt()).isEqualTo(100);
	}

	@Test
	void sortsByNameInBothDirections() {
		TestData.User owner = this.data.user("Olzhas");
		this.data.organization(owner, "Bravo Ltd");
		this.data.organization(owner, "Charlie Ltd");
		this.data.organization(owner, "Alpha Ltd");

		assertThat(names(this.api.get("/api/organizations?sort=name,desc", owner.token())))
			.containsExactly("Charlie Ltd", "Bravo Ltd", "Alpha Ltd");
		assertThat(names(this.api.get("/api/organizations?sort=name,asc", owner.token()))).containsExactly("Alpha Ltd",
				"Bravo Ltd", "Charlie Ltd");
		assertThat(names(this.api.get("/api/organizations?sort=name", owner.token()))).containsExactly("Alpha Ltd",
				"Bravo Ltd", "Charlie Ltd");
	}

	@Test
	void memberCannotRenameTheOrganization() {
		TestData.User owner = this.data.user("Rustem");
		TestData.User member = this.data.user("Saule");
		TestData.Org org = this.data.organization(owner, "Rustem Logistics");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");

		Api.Response rename = this.api.patch("/api/organizations/" + org.id(), member.token(),
				Map.of("name", "Hijacked"));

		assertThat(rename.status()).as(rename.toString()).isEqualTo(403);
		assertThat(rename.contentType()).startsWith("application/problem+json");
		assertThat(this.api.get("/api/organizations/" + org.id(), member.token()).json().path("name").asText())
			.isEqualTo("Rustem Logistics");
	}

	@Test
	void ownerRenamesTheOrganizationAndItsWorkspace() {
		TestData.User owner = this.data.user("Talgat");
		TestData.Org org = this.data.organization(owner, "Talgat Old Name");

		Api.Response rename = this.api.patch("/api/organizations/" + org.id(), owner.token(),
				Map.of("name", "  Talgat New Name "));

		assertThat(rename.status()).as(rename.toString()).isEqualTo(200);
		assertThat(rename.json().path("name").asText()).isEqualTo("Talgat New Name");
		assertThat(this.api.get("/api/organizations/" + org.id(), owner.token()).json().path("name").asText())
			.isEqualTo("Talgat New Name");
		assertThat(this.api.get("/api/workspaces/" + org.workspaceId(), owner.token()).json().path("name").asText())
			.isEqualTo("Talgat New Name");
	}

	@Test
	void refusesBlankNewName() {
		TestData.User owner = this.data.user("Ulan");
		TestData.Org org = this.data.organization(owner, "Ulan Keeps");

		Api.Response rename = this.api.patch("/api/organizations/" + org.id(), owner.token(), Map.of("name", " "));

		assertThat(rename.status()).isEqualTo(400);
		assertThat(rename.errorFields()).containsExactly("name");
	}

	private static List<JsonNode> items(Api.Response response) {
		return response.items();
	}

	private static List<String> names(Api.Response response) {
		return response.itemValues("name");
	}

}
