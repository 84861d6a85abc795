package kz.prometric.erp.support;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.cbor.MappingJackson2CborHttpMessageConverter;
import org.springframework.http.converter.xml.MappingJackson2XmlHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

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

	/**
	 * The API as in production, without XML or CBOR: the test classpath has
	 * {@code jackson-dataformat-xml} and {@code jackson-dataformat-cbor} (S3Proxy, the S3
	 * server of the document store's tests, needs them), which make Spring add message
	 * converters the application never has (a JSON body sent as {@code application/xml}
	 * would be parsed as XML, a {@code 400} instead of the {@code 415} of production).
	 */
	@Bean
	WebMvcConfigurer withoutXmlConvertersAsInProduction() {
		return new WebMvcConfigurer() {
			@Override
			public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
				converters.removeIf((converter) -> converter instanceof MappingJackson2XmlHttpMessageConverter
						|| converter instanceof MappingJackson2CborHttpMessageConverter);
			}
		};
	}

}
