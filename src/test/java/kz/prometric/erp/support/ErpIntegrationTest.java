package kz.prometric.erp.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The one Spring test context of the suite: the whole application on a real HTTP port,
 * the embedded PostgreSQL and a GreenMail SMTP server. Every Spring test uses exactly
 * this annotation so that one engine boots once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = GreenMailInitializer.class)
@Import(TestSupportConfiguration.class)
public @interface ErpIntegrationTest {

}
