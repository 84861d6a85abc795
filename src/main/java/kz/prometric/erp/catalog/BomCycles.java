package kz.prometric.erp.catalog;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The policy that keeps bills of materials a tree-like graph: a product may not contain
 * itself, directly or through any of its components.
 */
final class BomCycles {

	private BomCycles() {
	}

	/**
	 * Whether giving {@code product} the components {@code newComponents} closes a cycle,
	 * given the current bills of materials {@code edges} (product → its components).
	 */
	static boolean wouldCloseCycle(Map<UUID, ? extends Collection<UUID>> edges, UUID product,
			Collection<UUID> newComponents) {
		Set<UUID> seen = new HashSet<>();
		Deque<UUID> todo = new ArrayDeque<>(newComponents);
		while (!todo.isEmpty()) {
			UUID next = todo.pop();
			if (next.equals(product)) {
				return true;
			}
			if (seen.add(next)) {
				Collection<UUID> components = edges.get(next);
				if (components != null) {
					todo.addAll(components);
				}
			}
		}
		return false;
	}

}
