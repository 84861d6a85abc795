package kz.prometric.erp.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.util.FileSystemUtils;

/**
 * A durable PostgreSQL server that a check starts and stops itself, on a fixed port, so
 * that application nodes (child JVMs) can be pointed at it with
 * {@code SPRING_DATASOURCE_URL} and it can be stopped and started again under them. The
 * binaries are zonky's embedded ones (from Maven Central, the ones the application and
 * the tests use): zonky creates the cluster once, then this class runs its
 * {@code postgres} as a child process and stops it with the signals of
 * {@code pg_ctl stop -m fast|immediate}.
 */
final class PgServer implements AutoCloseable {

	final Path data;

	final int port;

	private final Path bin;

	private final Path log;

	private Process process;

	private PgServer(Path data, int port, Path bin, Path log) {
		this.data = data;
		this.port = port;
		this.bin = bin;
		this.log = log;
	}

	/** A new cluster in {@code data} (wiped first), started. */
	static PgServer create(Path data) throws IOException {
		FileSystemUtils.deleteRecursively(data);
		Files.createDirectories(data.getParent());
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path bin;
		ProcessHandle zonkys;
		// zonky extracts the binaries and runs initdb; its server is replaced by ours
		try (EmbeddedPostgres embedded = EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.setPort(port)
			.start()) {
			long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
			zonkys = ProcessHandle.of(pid).orElseThrow();
			bin = Path
				.of(zonkys.info()
					.command()
					.orElseThrow(() -> new IllegalStateException("Cannot find the PostgreSQL binaries")))
				.getParent();
		}
		try {
			zonkys.onExit().get(60, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("zonky's PostgreSQL did not stop", ex);
		}
		PgServer server = new PgServer(data.toAbsolutePath(), port, bin,
				data.resolveSibling(data.getFileName() + ".log").toAbsolutePath());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stopQuietly("immediate")));
		server.start();
		return server;
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + this.port + "/postgres";
	}

	/**
	 * Starts the server as a child process of this JVM and waits until it accepts
	 * connections (the {@code postgres} binary itself: {@code pg_ctl} refuses to run as
	 * root).
	 */
	synchronized void start() {
		try {
			List<String> command = new ArrayList<>();
			if (isRoot()) {
				// as zonky does: PostgreSQL refuses to run as root, so in a user
				// namespace
				command.addAll(List.of("unshare", "-U"));
			}
			command.addAll(List.of(this.bin.resolve("postgres").toString(), "-D", this.data.toString(), "-p",
					String.valueOf(this.port), "-c", "listen_addresses=localhost", "-c", "fsync=on", "-c",
					"synchronous_commit=on", "-c", "full_page_writes=on", "-c", "max_connections=200", "-c",
					"timezone=UTC"));
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		long deadline = System.currentTimeMillis() + 120_000;
		while (true) {
			try (Connection connection = DriverManager.getConnection(jdbcUrl(), "postgres", "")) {
				return;
			}
			catch (SQLException ex) {
				if (!this.process.isAlive() || System.currentTimeMillis() > deadline) {
					throw new IllegalStateException("PostgreSQL did not start; see " + this.log, ex);
				}
				BenchHttp.sleep(100);
			}
		}
	}

	private static boolean isRoot() {
		try {
			return "0"
				.equals(new String(new ProcessBuilder("id", "-u").start().getInputStream().readAllBytes()).strip());
		}
		catch (IOException ex) {
			return false;
		}
	}

	/**
	 * Stops the server and waits until it is gone: {@code fast} (SIGINT) rolls back open
	 * transactions and closes every connection; {@code immediate} (SIGQUIT) aborts like a
	 * crash (recovery at the next start), as {@code pg_ctl stop -m fast|immediate}.
	 */
	synchronized void stop(String mode) {
		Process server = this.process;
		if (server == null || !server.isAlive()) {
			return;
		}
		String signal = switch (mode) {
			case "fast" -> "-INT";
			case "immediate" -> "-QUIT";
			case "smart" -> "-TERM";
			default -> throw new IllegalArgumentException(mode);
		};
		try {
			new ProcessBuilder("kill", signal, String.valueOf(server.pid())).inheritIO().start().waitFor();
			if (!server.waitFor(120, TimeUnit.SECONDS)) {
				server.destroyForcibly();
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void stopQuietly(String mode) {
		try {
			stop(mode);
		}
		catch (RuntimeException ex) {
			// already stopped
		}
	}

	@Override
	public void close() {
		stopQuietly("fast");
	}

}
