package kz.prometric.erp.production.adapter;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code prometric.production.simulated-machines}: the simulated machine the development
 * run starts (off unless {@code enabled}).
 *
 * @param enabled whether to start it once the server is ready
 * @param workCenters codes of the EXTERNAL work centers it serves
 * @param email the ERP account it logs in with (a member of the workspace whose work
 * centers it serves)
 * @param password that account's password
 * @param baseUrl the engine REST API; empty: this server's own
 * ({@code http://localhost:<port>/engine-rest})
 * @param lockDuration how long an operation stays locked to it
 * @param longPolling how long a fetch waits on the server for work
 * @param failFirst fail the first attempts of every operation (demonstrates retries and
 * incidents)
 * @param retries retries left after its first failure
 * @param retryTimeout when the engine offers a failed operation again
 * @param scrapQuantity units of every operation reported as scrap
 */
@ConfigurationProperties("prometric.production.simulated-machines")
record SimulatedMachineProperties(@DefaultValue("false") boolean enabled, @DefaultValue List<String> workCenters,
		String email, String password, String baseUrl, @DefaultValue("30s") Duration lockDuration,
		@DefaultValue("20s") Duration longPolling, @DefaultValue("0") int failFirst, @DefaultValue("3") int retries,
		@DefaultValue("10s") Duration retryTimeout, @DefaultValue("0") BigDecimal scrapQuantity) {

}
