package kz.prometric.erp.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

@TestConfiguration(proxyBeanMethods = false)
class TestSupportConfiguration {

	@Bean
	@Lazy
	Api api(Environment environment, ObjectMapper mapper) {
		return new Api("http://localhost:" + environment.getRequiredProperty("local.server.port"), mapper);
	}

	@Bean
	@Lazy
	TestData testData(Api api, GreenMail greenMail) {
		return new TestData(api, greenMail);
	}

	/**
	 * The application's clock: the system clock unless a test fixes it (see
	 * {@link MutableClock}).
	 */
	@Bean
	@Primary
	MutableClock testClock() {
		return new MutableClock();
	}

}
