package kz.prometric.erp.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Latency samples (nanoseconds) per request type, safe for concurrent clients. */
final class Latencies {

	private final Map<String, List<Long>> samples = new LinkedHashMap<>();

	synchronized void record(String type, long nanos) {
		this.samples.computeIfAbsent(type, (t) -> new ArrayList<>()).add(nanos);
	}

	synchronized List<String> types() {
		return new ArrayList<>(this.samples.keySet());
	}

	synchronized int count(String type) {
		return this.samples.getOrDefault(type, List.of()).size();
	}

	/** The nearest-rank percentile in milliseconds, or NaN without samples. */
	synchronized double percentileMillis(String type, double percentile) {
		List<Long> values = new ArrayList<>(this.samples.getOrDefault(type, List.of()));
		if (values.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(values);
		int rank = (int) Math.ceil(percentile / 100.0 * values.size());
		return values.get(Math.max(0, Math.min(values.size() - 1, rank - 1))) / 1_000_000.0;
	}

}
