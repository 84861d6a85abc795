package kz.prometric.erp.bench;

import java.util.concurrent.atomic.AtomicLong;

import kz.prometric.erp.shared.KzIdentificationNumber;

/** Fresh BINs that pass the Kazakhstan check digit. */
final class Bins {

	private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 50_000);

	private Bins() {
	}

	static String next() {
		while (true) {
			String first11 = "250140" + String.format("%05d", SERIAL.incrementAndGet() % 100_000);
			for (int checkDigit = 0; checkDigit <= 9; checkDigit++) {
				if (KzIdentificationNumber.isValidBin(first11 + checkDigit)) {
					return first11 + checkDigit;
				}
			}
		}
	}

}
