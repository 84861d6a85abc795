package kz.prometric.erp.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import kz.prometric.erp.support.Concurrently;
import kz.prometric.erp.support.ErpIntegrationTest;
import kz.prometric.erp.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Document numbers are sequential, separate per workspace, series and year, given back by
 * a rolled-back transaction, and neither skipped nor repeated under concurrency.
 */
@ErpIntegrationTest
class DocumentNumbersIntegrationTests {

	@Autowired
	DocumentNumbers numbers;

	@Autowired
	TestData data;

	@Autowired
	PlatformTransactionManager transactionManager;

	private UUID aWorkspace() {
		TestData.User owner = this.data.user("Accountant");
		return this.data.organization(owner, "Numbers LLP").workspaceId();
	}

	/** The next number in a transaction of its own that commits. */
	private String committed(UUID workspaceId, String series, int year) {
		return new TransactionTemplate(this.transactionManager)
			.execute(status -> this.numbers.next(workspaceId, series, year));
	}

	@Test
	void numbersSequentiallyFromOne() {
		UUID workspace = aWorkspace();

		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000001");
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000002");
		List<String> inOneTransaction = new TransactionTemplate(this.transactionManager).execute(status -> List
			.of(this.numbers.next(workspace, "INV", 2026), this.numbers.next(workspace, "INV", 2026)));
		assertThat(inOneTransaction).containsExactly("INV-2026-000003", "INV-2026-000004");
	}

	@Test
	void keepsSeparateSequencesPerWorkspaceSeriesAndYear() {
		UUID workspace = aWorkspace();
		UUID other = aWorkspace();

		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000001");
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000002");
		assertThat(committed(other, "INV", 2026)).isEqualTo("INV-2026-000001");
		assertThat(committed(workspace, "CN", 2026)).isEqualTo("CN-2026-000001");
		assertThat(committed(workspace, "INV", 2027)).isEqualTo("INV-2027-000001");
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000003");
	}

	@Test
	void givesTheNumberOfARolledBackTransactionBack() {
		UUID workspace = aWorkspace();
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000001");
		List<String> taken = new ArrayList<>();

		assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			taken.add(this.numbers.next(workspace, "INV", 2026));
			throw new IllegalStateException("the invoice could not be issued");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(taken).containsExactly("INV-2026-000002");
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000002");
	}

	@Test
	void givesBackTheFirstNumberOfANewSeriesToo() {
		UUID workspace = aWorkspace();

		assertThatThrownBy(() -> new TransactionTemplate(this.transactionManager).executeWithoutResult(status -> {
			this.numbers.next(workspace, "INV", 2026);
			throw new IllegalStateException("rolled back");
		})).isInstanceOf(IllegalStateException.class);

		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000001");
	}

	@Test
	void neitherSkipsNorRepeatsNumbersUnderConcurrency() throws Exception {
		UUID workspace = aWorkspace();
		List<Callable<List<String>>> clients = new ArrayList<>();
		for (int thread = 0; thread < 8; thread++) {
			clients.add(() -> {
				List<String> mine = new ArrayList<>();
				for (int i = 0; i < 25; i++) {
					mine.add(committed(workspace, "INV", 2026));
				}
				return mine;
			});
		}

		List<String> all = Concurrently.run(clients).stream().flatMap(List::stream).toList();

		List<String> expected = IntStream.rangeClosed(1, 200)
			.mapToObj(n -> DocumentNumbers.format("INV", 2026, n))
			.toList();
		assertThat(all).hasSize(200).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000201");
	}

	@Test
	void refusesToNumberOutsideATransaction() {
		UUID workspace = aWorkspace();

		assertThatThrownBy(() -> this.numbers.next(workspace, "INV", 2026))
			.isInstanceOf(IllegalTransactionStateException.class);
		assertThat(committed(workspace, "INV", 2026)).isEqualTo("INV-2026-000001");
	}

	@Test
	void refusesMalformedSeriesAndYears() {
		UUID workspace = aWorkspace();
		TransactionTemplate tx = new TransactionTemplate(this.transactionManager);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> tx.execute(s -> this.numbers.next(workspace, "inv", 2026)));
		assertThatIllegalArgumentException().isThrownBy(() -> tx.execute(s -> this.numbers.next(workspace, "", 2026)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> tx.execute(s -> this.numbers.next(workspace, "INV-", 2026)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> tx.execute(s -> this.numbers.next(workspace, "A".repeat(21), 2026)));
		assertThatIllegalArgumentException().isThrownBy(() -> tx.execute(s -> this.numbers.next(workspace, "INV", 26)));
	}

	@Test
	void widensPastSixDigits() {
		assertThat(DocumentNumbers.format("INV", 2026, 1_234_567)).isEqualTo("INV-2026-1234567");
	}

}
