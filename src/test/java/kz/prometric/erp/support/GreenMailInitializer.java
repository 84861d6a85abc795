package kz.prometric.erp.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts one in-process SMTP server (GreenMail) for the test context and points Spring
 * Mail at it.
 */
public class GreenMailInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static GreenMail greenMail;

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		GreenMail mail = start();
		context.getBeanFactory().registerSingleton("greenMail", mail);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("greenmail", Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port",
					mail.getSmtp().getPort(), "prometric.mail.from", "erp@prometric.test")));
	}

	private static synchronized GreenMail start() {
		if (greenMail == null) {
			greenMail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			greenMail.start();
			Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop));
		}
		return greenMail;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
