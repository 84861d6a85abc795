package kz.prometric.erp.catalog;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BomCyclesTests {

	static final UUID A = UUID.randomUUID();

	static final UUID B = UUID.randomUUID();

	static final UUID C = UUID.randomUUID();

	static final UUID D = UUID.randomUUID();

	@Test
	void findsADirectSelfReference() {
		assertThat(BomCycles.wouldCloseCycle(Map.of(), A, List.of(A))).isTrue();
	}

	@Test
	void findsAnIndirectCycle() {
		Map<UUID, List<UUID>> edges = Map.of(A, List.of(B), B, List.of(C));

		assertThat(BomCycles.wouldCloseCycle(edges, C, List.of(A))).isTrue();
	}

	@Test
	void acceptsSharedComponentsThatFormADiamond() {
		Map<UUID, List<UUID>> edges = Map.of(A, List.of(B, C), B, List.of(D), C, List.of(D));

		assertThat(BomCycles.wouldCloseCycle(edges, D, List.of())).isFalse();
		assertThat(BomCycles.wouldCloseCycle(edges, A, List.of(B, C, D))).isFalse();
	}

	@Test
	void terminatesOnAnExistingCycleElsewhere() {
		Map<UUID, List<UUID>> edges = Map.of(B, List.of(C), C, List.of(B));

		assertThat(BomCycles.wouldCloseCycle(edges, A, List.of(B))).isFalse();
	}

}
