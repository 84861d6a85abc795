package kz.prometric.erp.production.adapter;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts the simulated machine of the development run once the server answers, when
 * {@code prometric.production.simulated-machines.enabled} is set (the demo data sets up
 * its account and EXTERNAL work centers), and stops it with the application. It talks to
 * this server only through the engine REST API, like a machine on the shop floor would.
 */
@Component
@EnableConfigurationProperties(SimulatedMachineProperties.class)
class SimulatedMachines {

	private static final Logger log = LoggerFactory.getLogger(SimulatedMachines.class);

	private final SimulatedMachineProperties properties;

	private final List<SimulatedMachine> running = new ArrayList<>();

	SimulatedMachines(SimulatedMachineProperties properties) {
		this.properties = properties;
	}

	@EventListener
	void serverReady(ApplicationReadyEvent event) {
		if (!this.properties.enabled()) {
			return;
		}
		if (this.properties.workCenters().isEmpty() || isBlank(this.properties.email())
				|| isBlank(this.properties.password())) {
			log.warn("prometric.production.simulated-machines is enabled but names no work centers, e-mail or "
					+ "password: no simulated machine started");
			return;
		}
		String baseUrl = this.properties.baseUrl();
		if (isBlank(baseUrl) && event.getApplicationContext() instanceof WebServerApplicationContext web) {
			baseUrl = "http://localhost:" + web.getWebServer().getPort() + "/engine-rest";
		}
		if (isBlank(baseUrl)) {
			log.warn("No engine REST address for the simulated machine: set "
					+ "prometric.production.simulated-machines.base-url");
			return;
		}
		synchronized (this.running) {
			this.running.add(SimulatedMachine.builder(baseUrl, this.properties.email(), this.properties.password())
				.workerId("simulated-machine")
				.workCenters(this.properties.workCenters())
				.lockDuration(this.properties.lockDuration())
				.longPolling(this.properties.longPolling())
				.failFirst(this.properties.failFirst(), this.properties.retries(), this.properties.retryTimeout())
				.scrap(this.properties.scrapQuantity())
				.start());
		}
	}

	@PreDestroy
	void stop() {
		synchronized (this.running) {
			this.running.forEach(SimulatedMachine::close);
			this.running.clear();
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
