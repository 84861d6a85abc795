package kz.prometric.erp.webhook;

import java.net.InetAddress;
import java.time.Duration;

import kz.prometric.erp.shared.BusinessRuleViolation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The address rules of webhook targets and the retry schedule, without Spring. */
class TargetPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.0.10",
			"169.254.169.254", "169.254.1.1", "0.0.0.0", "0.1.2.3", "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1",
			"::", "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
			"64:ff9b::a9fe:a9fe" })
	void refusesInternalAddresses(String address) throws Exception {
		assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).as(address).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.10", "8.8.8.8", "172.32.0.1", "192.169.0.1", "100.128.0.1",
			"2001:4860:4860::8888", "::ffff:8.8.8.8" })
	void allowsPublicAddresses(String address) throws Exception {
		assertThat(TargetPolicy.isInternal(InetAddress.getByName(address))).as(address).isFalse();
	}

	@Test
	void refusesPlainHttpAndInternalHostsUnlessPrivateTargetsAreAllowed() {
		TargetPolicy strict = new TargetPolicy(false);
		TargetPolicy open = new TargetPolicy(true);

		assertThatThrownBy(() -> strict.requireAllowed("http://203.0.113.10/hook"))
			.isInstanceOf(BusinessRuleViolation.class)
			.hasMessageContaining("https");
		assertThatThrownBy(() -> strict.requireAllowed("https://localhost/hook"))
			.isInstanceOf(BusinessRuleViolation.class);
		assertThat(strict.requireAllowed("https://203.0.113.10/hook")).hasToString("https://203.0.113.10/hook");
		assertThat(open.requireAllowed("http://127.0.0.1:8080/hook")).hasToString("http://127.0.0.1:8080/hook");
	}

	@Test
	void backsOffFrom30SecondsDoublingUpToAnHour() {
		assertThat(DeliveryWorker.backOff(1)).isEqualTo(Duration.ofSeconds(30));
		assertThat(DeliveryWorker.backOff(2)).isEqualTo(Duration.ofMinutes(1));
		assertThat(DeliveryWorker.backOff(3)).isEqualTo(Duration.ofMinutes(2));
		assertThat(DeliveryWorker.backOff(7)).isEqualTo(Duration.ofMinutes(32));
		assertThat(DeliveryWorker.backOff(8)).isEqualTo(Duration.ofHours(1));
		assertThat(DeliveryWorker.backOff(40)).isEqualTo(Duration.ofHours(1));
	}

}
