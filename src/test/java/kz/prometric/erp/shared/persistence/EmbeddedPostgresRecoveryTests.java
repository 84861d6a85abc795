package kz.prometric.erp.shared.persistence;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A development run killed with kill -9 leaves its PostgreSQL running on the data
 * directory; the next start must stop that orphan and come up on the same data.
 */
class EmbeddedPostgresRecoveryTests {

	@TempDir
	Path folder;

	@Test
	void startsAgainOnTheDataOfAKilledRun() throws Exception {
		Path data = this.folder.resolve("postgres");
		// a development run in its own JVM, killed with SIGKILL once its database holds
		// data
		Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), KilledRun.class.getName(), data.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader output = new BufferedReader(new InputStreamReader(run.getInputStream()));
		String line;
		while ((line = output.readLine()) != null && !line.equals(KilledRun.READY)) {
			// start-up output of the killed run
		}
		assertThat(line).as("the killed run started").isEqualTo(KilledRun.READY);
		run.destroyForcibly().waitFor();
		long orphan = serverPid(data);
		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

		EmbeddedPostgresConfiguration.stopOrphanedServer(data);

		assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
		try (EmbeddedPostgres restarted = start(data);
				Connection connection = restarted.getPostgresDatabase().getConnection()) {
			ResultSet kept = connection.createStatement().executeQuery("select value from kept");
			assertThat(kept.next()).isTrue();
			assertThat(kept.getString(1)).isEqualTo("still here");
		}
	}

	/**
	 * The killed run: starts PostgreSQL on a directory, writes a row, says so, and waits
	 * to be killed.
	 */
	public static final class KilledRun {

		static final String READY = "ready-to-be-killed";

		public static void main(String[] args) throws Exception {
			EmbeddedPostgres postgres = start(Path.of(args[0]));
			try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
				connection.createStatement()
					.execute("create table kept (value text); insert into kept values ('still here')");
			}
			System.out.println(READY);
			System.out.flush();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}

	}

	@Test
	void leavesADirectoryWithoutServerAlone() throws Exception {
		EmbeddedPostgresConfiguration.stopOrphanedServer(this.folder.resolve("never-used"));
		assertThat(this.folder.resolve("never-used")).doesNotExist();
	}

	private static EmbeddedPostgres start(Path data) throws Exception {
		return EmbeddedPostgres.builder()
			.setDataDirectory(data)
			.setCleanDataDirectory(false)
			.setRegisterShutdownHook(false)
			.start();
	}

	private static long serverPid(Path data) throws Exception {
		return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
	}

}
