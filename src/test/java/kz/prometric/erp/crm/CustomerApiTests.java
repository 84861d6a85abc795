package kz.prometric.erp.crm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import kz.prometric.erp.support.Api;
import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import kz.prometric.erp.shared.BusinessRuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ErpIntegrationTest
@RecordApplicationEvents
class CustomerApiTests {

	/** Published BINs of real companies and valid IINs, from docs/kazakhstan.md. */
	static final String BIN = "940140000385";

	static final String OTHER_BIN = "990940003030";

	static final String SECOND_PASS_BIN = "961141000023";

	static final String IIN = "901123300258";

	static final String OTHER_IIN = "850615301236";

	@Autowired
	Api api;

	@Autowired
	TestData data;

	@Autowired
	CustomerManagement customers;

	@Autowired
	ApplicationEvents events;

	// creating

	@Test
	void createsCompanyWithValidBin() {
		TestData.User owner = this.data.user("Aigerim");
		TestData.Org org = this.data.organization(owner, "Aigerim Trade");

		Api.Response created = this.api.post(customers(org), owner.token(),
				Map.of("type", "COMPANY", "name", "  Kazakh Steel LLP ", "email", "Office@KazSteel.kz", "phone",
						"+7 (727) 123-45-67", "contactPerson", "Nurlan Abenov", "address", "Almaty, Abay ave 1",
						"taxId", BIN));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = created.json().path("id").asText();
		assertThat(created.header("Location")).endsWith("/api/workspaces/" + org.workspaceId() + "/customers/" + id);
		assertThat(created.json().path("workspaceId").asText()).isEqualTo(org.workspaceId().toString());
		Api.Response fetched = this.api.get(customers(org) + "/" + id, owner.token());
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().path("type").asText()).isEqualTo("COMPANY");
		assertThat(fetched.json().path("name").asText()).isEqualTo("Kazakh Steel LLP");
		assertThat(fetched.json().path("email").asText()).isEqualTo("office@kazsteel.kz");
		assertThat(fetched.json().path("phone").asText()).isEqualTo("+7 (727) 123-45-67");
		assertThat(fetched.json().path("contactPerson").asText()).isEqualTo("Nurlan Abenov");
		assertThat(fetched.json().path("address").asText()).isEqualTo("Almaty, Abay ave 1");
		assertThat(fetched.json().path("taxId").asText()).isEqualTo(BIN);
	}

	@Test
	void createsIndividualWithValidIin() {
		TestData.User owner = this.data.user("Baurzhan");
		TestData.Org org = this.data.organization(owner, "Baurzhan Trade");

		Api.Response created = createCustomer(owner, org, "INDIVIDUAL", "Asel Nurlanovna", IIN);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().path("type").asText()).isEqualTo("INDIVIDUAL");
		assertThat(created.json().path("taxId").asText()).isEqualTo(IIN);
	}

	@Test
	void createsCustomersWithoutTaxIdOrContactDetails() {
		TestData.User owner = this.data.user("Camila");
		TestData.Org org = this.data.organization(owner, "Camila Trade");

		Api.Response first = createCustomer(owner, org, "COMPANY", "Unregistered One", null);
		Api.Response second = createCustomer(owner, org, "INDIVIDUAL", "Walk-in Buyer", null);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(first.json().has("taxId")).isFalse();
		assertThat(first.json().has("email")).isFalse();
	}

	@Test
	void acceptsBinThatNeedsTheSecondCheckDigitPass() {
		TestData.User owner = this.data.user("Damir");
		TestData.Org org = this.data.organization(owner, "Damir Trade");

		Api.Response created = createCustomer(owner, org, "COMPANY", "Second Pass LLP", SECOND_PASS_BIN);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void publishesCustomerCreated() {
		TestData.User owner = this.data.user("Elmira");
		TestData.Org org = this.data.organization(owner, "Elmira Trade");

		CustomerView created = this.customers.create(org.workspaceId(), owner.id(),
				new CustomerManagement.NewCustomer(CustomerType.COMPANY, "Evented LLP", null, null, null, null, BIN));

		assertThat(this.events.stream(CustomerCreated.class)).filteredOn(e -> e.customerId().equals(created.id()))
			.singleElement()
			.satisfies(e -> {
				assertThat(e.workspaceId()).isEqualTo(org.workspaceId());
				assertThat(e.occurredAt()).isEqualTo(created.createdAt());
			});
	}

	// tax id

	@ParameterizedTest
	@ValueSource(strings = { "240140012343", "240240000640", "241340012342", "240170012346", "2401400123A2",
			"24014001234", "9401400003851", "" + IIN })
	void refusesInvalidBinForCompanyNamingTaxId(String taxId) {
		TestData.User owner = this.data.user("Farkhad");
		TestData.Org org = this.data.organization(owner, "Farkhad Trade");

		Api.Response created = createCustomer(owner, org, "COMPANY", "Bad BIN LLP", taxId);

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.contentType()).startsWith("application/problem+json");
		assertThat(created.errorFields()).containsExactly("taxId");
		assertThat(total(owner, org)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { BIN, "901123300259", "901323300258", "901123700258", "90112330025" })
	void refusesInvalidIinForIndividualNamingTaxId(String taxId) {
		TestData.User owner = this.data.user("Gani");
		TestData.Org org = this.data.organization(owner, "Gani Trade");

		Api.Response created = createCustomer(owner, org, "INDIVIDUAL", "Bad IIN Person", taxId);

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.errorFields()).containsExactly("taxId");
		assertThat(total(owner, org)).isZero();
	}

	@Test
	void rechecksTaxIdWhenTheTypeChanges() {
		TestData.User owner = this.data.user("Inkar");
		TestData.Org org = this.data.organization(owner, "Inkar Trade");
		String id = idOf(createCustomer(owner, org, "COMPANY", "Shape Shifter", BIN));

		Api.Response retyped = this.api.patch(customers(org) + "/" + id, owner.token(), Map.of("type", "INDIVIDUAL"));

		assertThat(retyped.status()).as(retyped.toString()).isEqualTo(400);
		assertThat(retyped.errorFields()).containsExactly("taxId");
		assertThat(this.api.get(customers(org) + "/" + id, owner.token()).json().path("type").asText())
			.isEqualTo("COMPANY");

		Api.Response retypedWithIin = this.api.patch(customers(org) + "/" + id, owner.token(),
				Map.of("type", "INDIVIDUAL", "taxId", IIN));

		assertThat(retypedWithIin.status()).as(retypedWithIin.toString()).isEqualTo(200);
		assertThat(retypedWithIin.json().path("type").asText()).isEqualTo("INDIVIDUAL");
		assertThat(retypedWithIin.json().path("taxId").asText()).isEqualTo(IIN);
	}

	@Test
	void refusesDuplicateTaxIdInTheSameWorkspace() {
		TestData.User owner = this.data.user("Kanat");
		TestData.Org org = this.data.organization(owner, "Kanat Trade");
		assertThat(createCustomer(owner, org, "COMPANY", "Original LLP", BIN).status()).isEqualTo(201);

		Api.Response again = createCustomer(owner, org, "COMPANY", "Copycat LLP", BIN);

		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.errorFields()).containsExactly("taxId");
		assertThat(total(owner, org)).isEqualTo(1);
	}

	@Test
	void allowsTheSameTaxIdInAnotherWorkspace() {
		TestData.User owner = this.data.user("Laura");
		TestData.Org first = this.data.organization(owner, "Laura One");
		TestData.Org second = this.data.organization(owner, "Laura Two");
		assertThat(createCustomer(owner, first, "COMPANY", "Shared Client", BIN).status()).isEqualTo(201);

		Api.Response created = createCustomer(owner, second, "COMPANY", "Shared Client", BIN);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
	}

	@Test
	void refusesChangingTaxIdToOneTakenInTheWorkspace() {
		TestData.User owner = this.data.user("Madi");
		TestData.Org org = this.data.organization(owner, "Madi Trade");
		createCustomer(owner, org, "COMPANY", "Holder LLP", BIN);
		String id = idOf(createCustomer(owner, org, "COMPANY", "Other LLP", OTHER_BIN));

		Api.Response changed = this.api.patch(customers(org) + "/" + id, owner.token(), Map.of("taxId", BIN));

		assertThat(changed.status()).as(changed.toString()).isEqualTo(409);
		assertThat(changed.errorFields()).containsExactly("taxId");
		assertThat(this.api.get(customers(org) + "/" + id, owner.token()).json().path("taxId").asText())
			.isEqualTo(OTHER_BIN);
	}

	@Test
	void storesOnlyOneCustomerWhenTheSameTaxIdIsSentConcurrently() throws Exception {
		TestData.User owner = this.data.user("Nazira");
		TestData.Org org = this.data.organization(owner, "Nazira Trade");

		List<Api.Response> responses = Concurrently.run(List.of(1, 2, 3, 4)
			.stream()
			.map(i -> (Callable<Api.Response>) () -> createCustomer(owner, org, "INDIVIDUAL", "Racer " + i, IIN))
			.toList());

		assertThat(responses).extracting(Api.Response::status).containsOnly(201, 409);
		assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
		assertThat(responses).filteredOn(r -> r.status() == 409)
			.allSatisfy(r -> assertThat(r.errorFields()).containsExactly("taxId"));
		assertThat(total(owner, org)).isEqualTo(1);
	}

	// updating and deleting

	@Test
	void updatesOnlyTheGivenFieldsAndClearsEmptyOnes() {
		TestData.User owner = this.data.user("Olzhas");
		TestData.Org org = this.data.organization(owner, "Olzhas Trade");
		String id = idOf(this.api.post(customers(org), owner.token(), Map.of("type", "COMPANY", "name", "Old Name",
				"email", "old@example.kz", "phone", "+7 700 000 00 00", "address", "Astana", "taxId", BIN)));

		Api.Response updated = this.api.patch(customers(org) + "/" + id, owner.token(),
				Map.of("name", "New Name", "phone", "", "contactPerson", "Dina"));

		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		var fetched = this.api.get(customers(org) + "/" + id, owner.token()).json();
		assertThat(fetched.path("name").asText()).isEqualTo("New Name");
		assertThat(fetched.path("email").asText()).isEqualTo("old@example.kz");
		assertThat(fetched.has("phone")).isFalse();
		assertThat(fetched.path("contactPerson").asText()).isEqualTo("Dina");
		assertThat(fetched.path("address").asText()).isEqualTo("Astana");
		assertThat(fetched.path("taxId").asText()).isEqualTo(BIN);
		assertThat(fetched.path("type").asText()).isEqualTo("COMPANY");
	}

	@Test
	void deletesCustomer() {
		TestData.User owner = this.data.user("Perizat");
		TestData.Org org = this.data.organization(owner, "Perizat Trade");
		String id = idOf(createCustomer(owner, org, "COMPANY", "Short Lived", BIN));

		Api.Response deleted = this.api.delete(customers(org) + "/" + id, owner.token());

		assertThat(deleted.status()).isEqualTo(204);
		Api.Response fetched = this.api.get(customers(org) + "/" + id, owner.token());
		assertThat(fetched.status()).isEqualTo(404);
		assertThat(fetched.contentType()).startsWith("application/problem+json");
		assertThat(this.api.delete(customers(org) + "/" + id, owner.token()).status()).isEqualTo(404);
		assertThat(total(owner, org)).isZero();
		// the tax id is free again
		assertThat(createCustomer(owner, org, "COMPANY", "Reborn", BIN).status()).isEqualTo(201);
	}

	@Test
	void answersNotFoundForUnknownCustomerIds() {
		TestData.User owner = this.data.user("Ruslan");
		TestData.Org org = this.data.organization(owner, "Ruslan Trade");
		String unknown = customers(org) + "/" + UUID.randomUUID();

		assertNotFound(this.api.get(unknown, owner.token()));
		assertNotFound(this.api.patch(unknown, owner.token(), Map.of("name", "Ghost")));
		assertNotFound(this.api.delete(unknown, owner.token()));
		assertNotFound(this.api.get(customers(org) + "/not-a-uuid", owner.token()));
	}

	// malformed input

	@Test
	void refusesTenThousandCharacterName() {
		TestData.User owner = this.data.user("Saule");
		TestData.Org org = this.data.organization(owner, "Saule Trade");

		Api.Response created = createCustomer(owner, org, "COMPANY", "N".repeat(10_000), null);

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.errorFields()).containsExactly("name");
		assertThat(total(owner, org)).isZero();
	}

	@Test
	void refusesMalformedEmailNamingIt() {
		TestData.User owner = this.data.user("Talgat");
		TestData.Org org = this.data.organization(owner, "Talgat Trade");

		Api.Response created = this.api.post(customers(org), owner.token(),
				Map.of("type", "COMPANY", "name", "Mailless", "email", "not an e-mail"));

		assertThat(created.status()).as(created.toString()).isEqualTo(400);
		assertThat(created.errorFields()).containsExactly("email");
		assertThat(total(owner, org)).isZero();
	}

	@Test
	void refusesMalformedFieldsNamingThem() {
		TestData.User owner = this.data.user("Ulan");
		TestData.Org org = this.data.organization(owner, "Ulan Trade");
		String id = idOf(createCustomer(owner, org, "COMPANY", "Valid LLP", null));

		Map<String, Object> badPhone = Map.of("type", "COMPANY", "name", "Phoney", "phone", "call me maybe");
		Map<String, Object> longPhone = Map.of("type", "COMPANY", "name", "Phoney", "phone", "1".repeat(51));
		Map<String, Object> noType = Map.of("name", "Typeless");
		Map<String, Object> badType = Map.of("type", "GOVERNMENT", "name", "Ministry");
		Map<String, Object> blankName = Map.of("type", "COMPANY", "name", "   ");
		Map<String, Object> longAddress = Map.of("type", "COMPANY", "name", "Far", "address", "a".repeat(1001));
		Map<String, Object> longContact = Map.of("type", "COMPANY", "name", "Far", "contactPerson", "c".repeat(256));

		assertThat(this.api.post(customers(org), owner.token(), badPhone).errorFields()).containsExactly("phone");
		assertThat(this.api.post(customers(org), owner.token(), longPhone).errorFields()).contains("phone");
		assertThat(this.api.post(customers(org), owner.token(), noType).errorFields()).containsExactly("type");
		assertThat(this.api.post(customers(org), owner.token(), badType).errorFields()).containsExactly("type");
		assertThat(this.api.post(customers(org), owner.token(), blankName).errorFields()).containsExactly("name");
		assertThat(this.api.post(customers(org), owner.token(), longAddress).errorFields()).containsExactly("address");
		assertThat(this.api.post(customers(org), owner.token(), longContact).errorFields())
			.containsExactly("contactPerson");
		Api.Response blankRename = this.api.patch(customers(org) + "/" + id, owner.token(), Map.of("name", " "));
		assertThat(blankRename.status()).isEqualTo(400);
		assertThat(blankRename.errorFields()).containsExactly("name");
		Api.Response badEmail = this.api.patch(customers(org) + "/" + id, owner.token(), Map.of("email", "@@"));
		assertThat(badEmail.status()).isEqualTo(400);
		assertThat(badEmail.errorFields()).containsExactly("email");
		assertThat(total(owner, org)).isEqualTo(1);
	}

	// listing

	@Test
	void searchesByNameEmailAndTaxIdIgnoringCase() {
		TestData.User owner = this.data.user("Vladimir");
		TestData.Org org = this.data.organization(owner, "Vladimir Trade");
		this.api.post(customers(org), owner.token(), Map.of("type", "COMPANY", "name", "Astana Motors", "taxId", BIN));
		this.api.post(customers(org), owner.token(),
				Map.of("type", "INDIVIDUAL", "name", "Zhanna Quiet", "email", "zhanna.unique@mail.kz"));
		this.api.post(customers(org), owner.token(),
				Map.of("type", "INDIVIDUAL", "name", "Yermek Plain", "taxId", OTHER_IIN));

		assertThat(names(owner, customers(org) + "?q=astana")).containsExactly("Astana Motors");
		assertThat(names(owner, customers(org) + "?q=MOTORS")).containsExactly("Astana Motors");
		assertThat(names(owner, customers(org) + "?q=ZHANNA.UNIQUE@")).containsExactly("Zhanna Quiet");
		assertThat(names(owner, customers(org) + "?q=" + BIN.substring(0, 6))).containsExactly("Astana Motors");
		assertThat(names(owner, customers(org) + "?q=" + OTHER_IIN)).containsExactly("Yermek Plain");
		assertThat(names(owner, customers(org) + "?q=nobody-like-this")).isEmpty();
		assertThat(names(owner, customers(org) + "?q=")).hasSize(3);
		assertThat(names(owner, customers(org) + "?type=INDIVIDUAL")).containsExactlyInAnyOrder("Zhanna Quiet",
				"Yermek Plain");
		assertThat(names(owner, customers(org) + "?type=COMPANY&q=zhanna")).isEmpty();
	}

	@Test
	void searchesForWildcardCharactersLiterally() {
		TestData.User owner = this.data.user("Yerlan");
		TestData.Org org = this.data.organization(owner, "Yerlan Trade");
		createCustomer(owner, org, "COMPANY", "100% Cotton LLP", null);
		createCustomer(owner, org, "COMPANY", "Plain Goods LLP", null);
		createCustomer(owner, org, "COMPANY", "Under_Score LLP", null);
		createCustomer(owner, org, "COMPANY", "Back\\Slash LLP", null);

		assertThat(names(owner, customers(org) + "?q=%25")).containsExactly("100% Cotton LLP");
		assertThat(names(owner, customers(org) + "?q=_")).containsExactly("Under_Score LLP");
		assertThat(names(owner, customers(org) + "?q=%5C")).containsExactly("Back\\Slash LLP");
	}

	@Test
	void sortsAndPagesCustomers() {
		TestData.User owner = this.data.user("Zarina");
		TestData.Org org = this.data.organization(owner, "Zarina Trade");
		createCustomer(owner, org, "INDIVIDUAL", "Beta Buyer", null);
		createCustomer(owner, org, "COMPANY", "Alpha LLP", null);
		createCustomer(owner, org, "INDIVIDUAL", "Gamma Buyer", null);

		assertThat(names(owner, customers(org) + "?sort=name")).containsExactly("Alpha LLP", "Beta Buyer",
				"Gamma Buyer");
		assertThat(names(owner, customers(org) + "?sort=name,desc")).containsExactly("Gamma Buyer", "Beta Buyer",
				"Alpha LLP");
		assertThat(names(owner, customers(org) + "?sort=createdAt")).containsExactly("Beta Buyer", "Alpha LLP",
				"Gamma Buyer");
		assertThat(names(owner, customers(org) + "?sort=type,asc")).first().isEqualTo("Alpha LLP");
		Api.Response page = this.api.get(customers(org) + "?sort=name&page=2&size=2", owner.token());
		assertThat(page.itemValues("name")).containsExactly("Gamma Buyer");
		assertThat(page.json().path("page").asInt()).isEqualTo(2);
		assertThat(page.json().path("size").asInt()).isEqualTo(2);
		assertThat(page.json().path("total").asInt()).isEqualTo(3);
	}

	@Test
	void refusesInvalidListParametersNamingThem() {
		TestData.User owner = this.data.user("Adil");
		TestData.Org org = this.data.organization(owner, "Adil Trade");

		assertBadParameter(this.api.get(customers(org) + "?sort=taxId", owner.token()), "sort");
		assertBadParameter(this.api.get(customers(org) + "?sort=name,sideways", owner.token()), "sort");
		assertBadParameter(this.api.get(customers(org) + "?page=0", owner.token()), "page");
		assertBadParameter(this.api.get(customers(org) + "?size=0", owner.token()), "size");
		assertBadParameter(this.api.get(customers(org) + "?size=101", owner.token()), "size");
		assertBadParameter(this.api.get(customers(org) + "?page=abc", owner.token()), "page");
		assertBadParameter(this.api.get(customers(org) + "?type=GOVERNMENT", owner.token()), "type");
		assertBadParameter(this.api.get(customers(org) + "?q=" + "x".repeat(101), owner.token()), "q");
	}

	// roles and tenancy

	@Test
	void memberCanReadButNotWrite() {
		TestData.User owner = this.data.user("Botagoz");
		TestData.User member = this.data.user("Chingiz");
		TestData.Org org = this.data.organization(owner, "Botagoz Trade");
		this.data.join(owner, org.workspaceId(), member, "MEMBER");
		String id = idOf(createCustomer(owner, org, "COMPANY", "Steady LLP", BIN));
		String before = this.api.get(customers(org) + "?size=100", owner.token()).text();

		assertThat(names(member, customers(org))).containsExactly("Steady LLP");
		assertThat(this.api.get(customers(org) + "/" + id, member.token()).status()).isEqualTo(200);
		assertForbidden(createCustomer(member, org, "COMPANY", "Sneaky LLP", null));
		assertForbidden(this.api.patch(customers(org) + "/" + id, member.token(), Map.of("name", "Renamed")));
		assertForbidden(this.api.delete(customers(org) + "/" + id, member.token()));
		assertThat(this.api.get(customers(org) + "?size=100", owner.token()).text()).isEqualTo(before);
	}

	@Test
	void managerManagesCustomers() {
		TestData.User owner = this.data.user("Dana");
		TestData.User manager = this.data.user("Erbol");
		TestData.Org org = this.data.organization(owner, "Dana Trade");
		this.data.join(owner, org.workspaceId(), manager, "MANAGER");

		Api.Response created = createCustomer(manager, org, "COMPANY", "Managed LLP", BIN);
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String id = idOf(created);
		assertThat(
				this.api.patch(customers(org) + "/" + id, manager.token(), Map.of("name", "Managed Well LLP")).status())
			.isEqualTo(200);
		assertThat(this.api.delete(customers(org) + "/" + id, manager.token()).status()).isEqualTo(204);
	}

	@Test
	void hidesCustomersFromNonMembersOnEveryRoute() {
		TestData.User owner = this.data.user("Gulnar");
		TestData.User stranger = this.data.user("Stranger");
		TestData.Org org = this.data.organization(owner, "Gulnar Trade " + UUID.randomUUID());
		this.data.organization(stranger, "Stranger Trade");
		String id = idOf(createCustomer(owner, org, "COMPANY", "Secret Client LLP", BIN));
		String one = customers(org) + "/" + id;
		String before = this.api.get(customers(org) + "?size=100", owner.token()).text();

		for (Api.Response response : List.of(this.api.get(customers(org), stranger.token()),
				this.api.get(one, stranger.token()),
				createCustomer(stranger, org, "COMPANY", "Injected LLP", OTHER_BIN),
				this.api.patch(one, stranger.token(), Map.of("name", "Taken Over")),
				this.api.delete(one, stranger.token()))) {
			assertNotFound(response);
			assertThat(response.text()).doesNotContain("Secret Client").doesNotContain(BIN);
		}
		assertThat(this.api.get(customers(org) + "?size=100", owner.token()).text()).isEqualTo(before);
	}

	@Test
	void hidesAnotherWorkspacesCustomerBehindTheCallersOwnWorkspace() {
		TestData.User ownerA = this.data.user("Ayan");
		TestData.User ownerB = this.data.user("Bolat");
		TestData.Org a = this.data.organization(ownerA, "Ayan Trade");
		TestData.Org b = this.data.organization(ownerB, "Bolat Trade");
		String id = idOf(createCustomer(ownerA, a, "COMPANY", "Ayan Client LLP", BIN));
		String before = this.api.get(customers(a) + "/" + id, ownerA.token()).text();
		String viaB = customers(b) + "/" + id;

		for (Api.Response response : List.of(this.api.get(viaB, ownerB.token()),
				this.api.patch(viaB, ownerB.token(), Map.of("name", "Hijacked")),
				this.api.delete(viaB, ownerB.token()))) {
			assertNotFound(response);
			assertThat(response.text()).doesNotContain("Ayan Client");
		}
		assertThat(names(ownerB, customers(b))).isEmpty();
		assertThat(names(ownerB, customers(b) + "?q=" + BIN)).isEmpty();
		assertThat(this.api.get(customers(a) + "/" + id, ownerA.token()).text()).isEqualTo(before);
	}

	@Test
	void requiresAuthentication() {
		TestData.User owner = this.data.user("Kairat");
		TestData.Org org = this.data.organization(owner, "Kairat Trade");

		Api.Response response = this.api.get(customers(org), null);

		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	// the façade for deals

	@Test
	void requireCustomerReturnsTheWorkspacesCustomer() {
		TestData.User owner = this.data.user("Lyazzat");
		TestData.Org org = this.data.organization(owner, "Lyazzat Trade");
		UUID id = UUID.fromString(idOf(createCustomer(owner, org, "COMPANY", "Dealt LLP", BIN)));

		CustomerView customer = this.customers.requireCustomer(org.workspaceId(), id);

		assertThat(customer.name()).isEqualTo("Dealt LLP");
		assertThat(customer.type()).isEqualTo(CustomerType.COMPANY);
	}

	@Test
	void requireCustomerRefusesUnknownAndOtherWorkspacesCustomersAsFieldError() {
		TestData.User owner = this.data.user("Meiram");
		TestData.Org org = this.data.organization(owner, "Meiram Trade");
		TestData.Org other = this.data.organization(owner, "Meiram Other");
		UUID foreign = UUID.fromString(idOf(createCustomer(owner, other, "COMPANY", "Elsewhere LLP", null)));

		for (UUID id : new UUID[] { foreign, UUID.randomUUID(), null }) {
			assertThatThrownBy(() -> this.customers.requireCustomer(org.workspaceId(), id)).isInstanceOfSatisfying(
					BusinessRuleViolation.class,
					ex -> assertThat(ex.violations()).extracting(v -> v.field()).containsExactly("customerId"));
		}
	}

	private Api.Response createCustomer(TestData.User by, TestData.Org org, String type, String name, String taxId) {
		Map<String, Object> body = new HashMap<>();
		body.put("type", type);
		body.put("name", name);
		if (taxId != null) {
			body.put("taxId", taxId);
		}
		return this.api.post(customers(org), by.token(), body);
	}

	private List<String> names(TestData.User by, String path) {
		return this.api.get(path, by.token()).itemValues("name");
	}

	private long total(TestData.User by, TestData.Org org) {
		Api.Response list = this.api.get(customers(org), by.token());
		assertThat(list.status()).as(list.toString()).isEqualTo(200);
		return list.json().path("total").asLong();
	}

	private static String idOf(Api.Response created) {
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().path("id").asText();
	}

	private static String customers(TestData.Org org) {
		return "/api/workspaces/" + org.workspaceId() + "/customers";
	}

	private static void assertNotFound(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(404);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private static void assertForbidden(Api.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	private static void assertBadParameter(Api.Response response, String field) {
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.errorFields()).containsExactly(field);
	}

}
