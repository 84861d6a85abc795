package kz.prometric.erp.notification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Carries notifications between the application's nodes through PostgreSQL:
 * {@code LISTEN prometric_notifications} on a connection of its own (outside the pool),
 * read by a background thread that waits for notifications with a timeout and reconnects
 * after a failure (then every local stream catches up from the inbox, so nothing
 * committed meanwhile is lost). A message {@code {"recipient": ...}} wakes that user's
 * streams on this node ({@link Inbox} sends it with each insert); {@code {"revoke": user,
 * "workspace": ...}} closes his streams of that workspace ({@link #revoke}).
 */
@Component
class DatabaseNotifications implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);

	private static final int WAIT_MILLIS = 1000;

	private static final long PING_EVERY_MILLIS = 30_000;

	private final DataSource dataSource;

	private final NotificationStreams streams;

	private final ObjectMapper mapper;

	private final JdbcTemplate jdbc;

	private volatile boolean running;

	private volatile boolean listening;

	private volatile Thread thread;

	private volatile Connection connection;

	DatabaseNotifications(DataSource dataSource, NotificationStreams streams, ObjectMapper mapper, JdbcTemplate jdbc) {
		this.dataSource = dataSource;
		this.streams = streams;
		this.mapper = mapper;
		this.jdbc = jdbc;
	}

	/**
	 * Tells every node, once the caller's transaction commits, that the user lost access
	 * to the workspace.
	 */
	void revoke(UUID userId, UUID workspaceId) {
		this.jdbc.queryForList("select pg_notify(?, ?)", Inbox.CHANNEL,
				this.mapper.createObjectNode()
					.put("revoke", userId.toString())
					.put("workspace", workspaceId.toString())
					.toString());
	}

	/** Whether this node listens now (for tests and health). */
	boolean listening() {
		return this.listening;
	}

	@Override
	public void start() {
		this.running = true;
		Thread listener = new Thread(this::run, "notification-listener");
		listener.setDaemon(true);
		this.thread = listener;
		listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		closeConnection();
		Thread listener = this.thread;
		if (listener != null) {
			listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void run() {
		long backoff = 500;
		while (this.running) {
			try (Connection listenConnection = connect()) {
				this.connection = listenConnection;
				try (Statement statement = listenConnection.createStatement()) {
					statement.execute("LISTEN " + Inbox.CHANNEL);
				}
				this.listening = true;
				backoff = 500;
				// whatever was committed while this node did not listen
				this.streams.wakeAll();
				listen(listenConnection.unwrap(PGConnection.class), listenConnection);
			}
			catch (SQLException | RuntimeException ex) {
				if (this.running) {
					log.warn("Listening for notifications failed; reconnecting in {} ms", backoff, ex);
				}
			}
			finally {
				this.listening = false;
				this.connection = null;
			}
			if (this.running) {
				try {
					Thread.sleep(backoff);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				backoff = Math.min(backoff * 2, 10_000);
			}
		}
	}

	private void listen(PGConnection pg, Connection listenConnection) throws SQLException {
		long lastPing = System.currentTimeMillis();
		while (this.running) {
			PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
			if (notifications != null) {
				for (PGNotification notification : notifications) {
					dispatch(notification.getParameter());
				}
			}
			if (System.currentTimeMillis() - lastPing > PING_EVERY_MILLIS) {
				// a connection dropped without a word shows itself here
				try (Statement statement = listenConnection.createStatement()) {
					statement.execute("select 1");
				}
				lastPing = System.currentTimeMillis();
			}
		}
	}

	private void dispatch(String payload) {
		try {
			JsonNode message = this.mapper.readTree(payload);
			if (message.hasNonNull("recipient")) {
				this.streams.wake(UUID.fromString(message.get("recipient").asText()));
			}
			else if (message.hasNonNull("revoke") && message.hasNonNull("workspace")) {
				this.streams.revoke(UUID.fromString(message.get("revoke").asText()),
						UUID.fromString(message.get("workspace").asText()));
			}
		}
		catch (Exception ex) {
			log.warn("Ignoring the notification message {}", payload, ex);
		}
	}

	/**
	 * A connection of its own: with the application's Hikari pool, one opened with the
	 * pool's address and credentials (a listening connection is held for ever and must
	 * not take a pool slot); otherwise one from the data source.
	 */
	private Connection connect() throws SQLException {
		if (this.dataSource.isWrapperFor(HikariDataSource.class)) {
			HikariDataSource hikari = this.dataSource.unwrap(HikariDataSource.class);
			Connection own = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
					hikari.getPassword());
			own.setAutoCommit(true);
			return own;
		}
		Connection pooled = this.dataSource.getConnection();
		pooled.setAutoCommit(true);
		return pooled;
	}

	private void closeConnection() {
		Connection current = this.connection;
		if (current != null) {
			try {
				current.close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

}
