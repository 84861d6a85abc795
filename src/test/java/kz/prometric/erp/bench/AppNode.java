package kz.prometric.erp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One application node as a child JVM ({@code java -cp <class path> ErpApplication}) on
 * an external PostgreSQL ({@code spring.datasource.url}, as in production: no embedded
 * server), with the checks' fixed JWT secret, demo data off and the job executor on. Its
 * job executor logs the ids of the jobs it executes (DEBUG of
 * {@code org.camunda.bpm.engine.jobexecutor}), so a check can count the jobs per node.
 */
final class AppNode {

	final String name;

	final int port;

	final Process process;

	final Path log;

	final BenchHttp http;

	private AppNode(String name, int port, Process process, Path log) {
		this.name = name;
		this.port = port;
		this.process = process;
		this.log = log;
		this.http = new BenchHttp("http://localhost:" + port, null);
	}

	/** Starts a node and waits until it is healthy. */
	static AppNode start(String name, Path logFile, PgServer db, String platformAdmin) throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m", "-cp",
				KillNineCheck.Child.classpath(), "kz.prometric.erp.ErpApplication", "--server.port=" + port,
				"--spring.datasource.url=" + db.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=20",
				"--prometric.demo.enabled=false", "--prometric.security.jwt-secret=" + KillNineCheck.SECRET,
				"--prometric.security.bcrypt-strength=4", "--prometric.security.platform-admins=" + platformAdmin,
				"--camunda.bpm.job-execution.enabled=true",
				"--logging.level.org.camunda.bpm.engine.jobexecutor=DEBUG"));
		Files.createDirectories(logFile.getParent());
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(logFile.toFile())
			.start();
		AppNode node = new AppNode(name, port, process, logFile);
		Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
		log("started %s (pid %d, port %d, log %s)", name, process.pid(), port, logFile);
		node.awaitHealthy(300_000);
		log("%s is healthy", name);
		return node;
	}

	void awaitHealthy(long millis) {
		long deadline = System.currentTimeMillis() + millis;
		while (true) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(this.name + " stopped while starting; see " + this.log);
			}
			try {
				if (this.http.get(null, "/actuator/health").status() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			if (System.currentTimeMillis() > deadline) {
				throw new IllegalStateException(this.name + " did not become healthy; see " + this.log);
			}
			BenchHttp.sleep(500);
		}
	}

	/** SIGKILL. */
	void kill() throws Exception {
		this.process.destroyForcibly();
		this.process.onExit().get(60, TimeUnit.SECONDS);
	}

	/** SIGTERM: Spring Boot shuts down gracefully. */
	void stop() throws Exception {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(90, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
	}

	private static final Pattern EXECUTE = Pattern
		.compile("ENGINE-14023 Execute jobs for process engine '[^']*': \\[([^\\]]*)\\]");

	private static final Pattern EXCLUSIVE = Pattern
		.compile("ENGINE-14008 Adding new exclusive job to job executor context. Job Id='([^']+)'");

	/**
	 * The ids of the jobs this node's job executor started to execute, from its log: the
	 * acquired jobs it executes (ENGINE-14023), and the exclusive jobs a job creates in
	 * its own process instance, which the same thread runs next (ENGINE-14008).
	 */
	Set<String> executedJobs() throws IOException {
		Set<String> ids = new TreeSet<>();
		for (String line : Files.readAllLines(this.log)) {
			Matcher matcher = EXECUTE.matcher(line);
			if (matcher.find()) {
				for (String id : matcher.group(1).split(",")) {
					if (!id.isBlank()) {
						ids.add(id.strip());
					}
				}
			}
			Matcher exclusive = EXCLUSIVE.matcher(line);
			if (exclusive.find()) {
				ids.add(exclusive.group(1));
			}
		}
		return ids;
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static void log(String format, Object... args) {
		System.out.printf("[check] " + format + "%n", args);
	}

}
