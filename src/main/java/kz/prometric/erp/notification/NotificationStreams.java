package kz.prometric.erp.notification;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The Server-Sent Event streams open on this node, by user. A stream is told that its
 * user has something new ({@link #wake}, from the database's {@code NOTIFY}, whichever
 * node inserted it) and then sends every notification after the last one it sent, read
 * from the inbox: so nothing is skipped or sent twice, in order, and a reconnecting
 * client that names its last event id gets what it missed the same way. Every
 * {@code heartbeat} each stream sends a comment line and checks that its user may still
 * read it (the ERP session open, the account active, still a member of the stream's
 * workspace); a stream whose access ended is closed.
 */
@Component
class NotificationStreams implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(NotificationStreams.class);

	private static final int BATCH = 100;

	/** At most this many notifications are replayed to a reconnecting client. */
	static final int REPLAY_LIMIT = 1000;

	private final ConcurrentHashMap<UUID, Set<Stream>> byUser = new ConcurrentHashMap<>();

	private final Inbox inbox;

	private final IdentityManagement identity;

	private final WorkspaceManagement workspaces;

	private final long timeoutMillis;

	private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "notification-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	/**
	 * Sends for the listener thread, so a slow client never holds up the node's other
	 * notifications.
	 */
	private final ExecutorService senders = Executors.newFixedThreadPool(2, runnable -> {
		Thread thread = new Thread(runnable, "notification-sender");
		thread.setDaemon(true);
		return thread;
	});

	NotificationStreams(Inbox inbox, IdentityManagement identity, WorkspaceManagement workspaces,
			@Value("${prometric.notifications.heartbeat:PT20S}") Duration heartbeat,
			@Value("${prometric.notifications.stream-timeout:PT1H}") Duration timeout) {
		this.inbox = inbox;
		this.identity = identity;
		this.workspaces = workspaces;
		this.timeoutMillis = timeout.toMillis();
		this.heartbeat.scheduleWithFixedDelay(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream for the user (of one workspace, or of all his workspaces when
	 * {@code workspaceId} is null) that first sends what came after {@code lastSeq}
	 * (null: only what comes from now on).
	 */
	SseEmitter open(UUID userId, String email, UUID sessionId, UUID workspaceId, Long lastSeq) {
		SseEmitter emitter = new SseEmitter(this.timeoutMillis);
		// a client far behind gets the newest REPLAY_LIMIT; it reads the rest from the
		// inbox
		long from = (lastSeq != null) ? Math.max(lastSeq, this.inbox.seqBeforeNewest(userId, REPLAY_LIMIT))
				: this.inbox.lastSeq(userId);
		Stream stream = new Stream(userId, email, sessionId, workspaceId, emitter, from);
		this.byUser.computeIfAbsent(userId, id -> new CopyOnWriteArraySet<>()).add(stream);
		emitter.onCompletion(() -> remove(stream));
		emitter.onTimeout(() -> close(stream));
		emitter.onError(ex -> remove(stream));
		try {
			// sent at once, so the client sees the stream open; a client reconnects after
			// 5 s
			emitter.send(SseEmitter.event().comment("open").reconnectTime(5000));
		}
		catch (IOException ex) {
			remove(stream);
			return emitter;
		}
		if (lastSeq != null) {
			send(stream);
		}
		return emitter;
	}

	/** The user has new notifications: his streams on this node send them. */
	void wake(UUID userId) {
		Set<Stream> streams = this.byUser.get(userId);
		if (streams != null) {
			streams.forEach(this::sendLater);
		}
	}

	/** Every stream sends what it has not sent yet (after the listener reconnected). */
	void wakeAll() {
		this.byUser.values().forEach(streams -> streams.forEach(this::sendLater));
	}

	private void sendLater(Stream stream) {
		try {
			this.senders.execute(() -> send(stream));
		}
		catch (RejectedExecutionException ex) {
			// shutting down
		}
	}

	/**
	 * The user's access to the workspace ended: his streams of that workspace close;
	 * streams of all his workspaces no longer show it (they read only his current
	 * workspaces).
	 */
	void revoke(UUID userId, UUID workspaceId) {
		Set<Stream> streams = this.byUser.get(userId);
		if (streams != null) {
			streams.stream().filter(s -> workspaceId.equals(s.workspaceId)).forEach(this::close);
		}
	}

	/** How many streams this node holds for the user. */
	int openStreams(UUID userId) {
		Set<Stream> streams = this.byUser.get(userId);
		return (streams != null) ? streams.size() : 0;
	}

	private void send(Stream stream) {
		synchronized (stream) {
			if (stream.closed) {
				return;
			}
			try {
				List<UUID> workspaceIds = readable(stream);
				if (workspaceIds == null) {
					close(stream);
					return;
				}
				List<NotificationView> batch;
				do {
					batch = this.inbox.after(stream.userId, workspaceIds, stream.lastSeq, BATCH);
					for (NotificationView notification : batch) {
						stream.emitter.send(SseEmitter.event()
							.id(Long.toString(notification.seq()))
							.name("notification")
							.data(notification, MediaType.APPLICATION_JSON));
						stream.lastSeq = notification.seq();
					}
				}
				while (batch.size() == BATCH);
			}
			catch (IOException | IllegalStateException ex) {
				// the client went away (or the emitter completed): forget the stream
				remove(stream);
			}
			catch (RuntimeException ex) {
				log.warn("Notification stream of user {} failed; closing it", stream.userId, ex);
				close(stream);
			}
		}
	}

	private void beat() {
		// one look per session and per user, however many streams they hold
		Map<UUID, Boolean> sessions = new HashMap<>();
		Map<UUID, List<UUID>> memberships = new HashMap<>();
		for (Set<Stream> streams : this.byUser.values()) {
			for (Stream stream : streams) {
				synchronized (stream) {
					if (stream.closed) {
						continue;
					}
					try {
						boolean open = sessions.computeIfAbsent(stream.sessionId,
								id -> this.identity.isSessionOf(id, stream.email));
						if (!open || readable(stream,
								memberships.computeIfAbsent(stream.userId, this::workspacesOf)) == null) {
							close(stream);
							continue;
						}
						stream.emitter.send(SseEmitter.event().comment("heartbeat"));
					}
					catch (IOException | IllegalStateException ex) {
						remove(stream);
					}
					catch (RuntimeException ex) {
						log.warn("Heartbeat of a notification stream failed", ex);
					}
				}
			}
		}
	}

	/**
	 * The workspaces whose notifications the stream may send now; null when its user has
	 * lost the stream's workspace.
	 */
	private List<UUID> readable(Stream stream) {
		return readable(stream, workspacesOf(stream.userId));
	}

	private static List<UUID> readable(Stream stream, List<UUID> memberOf) {
		if (stream.workspaceId == null) {
			return memberOf;
		}
		return memberOf.contains(stream.workspaceId) ? List.of(stream.workspaceId) : null;
	}

	private List<UUID> workspacesOf(UUID userId) {
		return this.workspaces.membershipsOf(userId).stream().map(WorkspaceMembership::workspaceId).toList();
	}

	private void close(Stream stream) {
		synchronized (stream) {
			if (!stream.closed) {
				stream.closed = true;
				try {
					stream.emitter.complete();
				}
				catch (RuntimeException ex) {
					// already gone
				}
			}
		}
		remove(stream);
	}

	private void remove(Stream stream) {
		stream.closed = true;
		this.byUser.computeIfPresent(stream.userId, (id, streams) -> {
			streams.remove(stream);
			return streams.isEmpty() ? null : streams;
		});
	}

	@Override
	public void destroy() {
		this.heartbeat.shutdownNow();
		this.senders.shutdownNow();
		this.byUser.values().forEach(streams -> streams.forEach(this::close));
	}

	private static final class Stream {

		final UUID userId;

		final String email;

		final UUID sessionId;

		final UUID workspaceId;

		final SseEmitter emitter;

		long lastSeq;

		volatile boolean closed;

		Stream(UUID userId, String email, UUID sessionId, UUID workspaceId, SseEmitter emitter, long lastSeq) {
			this.userId = userId;
			this.email = email;
			this.sessionId = sessionId;
			this.workspaceId = workspaceId;
			this.emitter = emitter;
			this.lastSeq = lastSeq;
		}

	}

}
