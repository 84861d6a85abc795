package kz.prometric.erp.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.identity.UserAccount;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceMembership;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A user's notifications: his inbox (only of the workspaces he is a member of now), his
 * preferences per kind, and his live stream. Every method acts for the calling user only;
 * another user's notification is unknown (404).
 */
@Service
public class NotificationManagement {

	private final Inbox inbox;

	private final Preferences preferences;

	private final StreamTokens tokens;

	private final NotificationStreams streams;

	private final WorkspaceManagement workspaces;

	private final IdentityManagement identity;

	private final Clock clock;

	NotificationManagement(Inbox inbox, Preferences preferences, StreamTokens tokens, NotificationStreams streams,
			WorkspaceManagement workspaces, IdentityManagement identity, Clock clock) {
		this.inbox = inbox;
		this.preferences = preferences;
		this.tokens = tokens;
		this.streams = streams;
		this.workspaces = workspaces;
		this.identity = identity;
		this.clock = clock;
	}

	/**
	 * The caller's notifications, newest first ({@code sort=createdAt,asc}: oldest
	 * first), of one workspace (404 unless he is a member) or of all his workspaces.
	 */
	@Transactional(readOnly = true)
	public PageResult<NotificationView> notifications(UUID callerId, UUID workspaceId, boolean unreadOnly,
			PageQuery query) {
		if (query.sortProperty() != null && !"createdAt".equals(query.sortProperty())) {
			throw new InvalidInputException("sort",
					"cannot sort by '" + query.sortProperty() + "'; allowed: createdAt");
		}
		boolean newestFirst = query.sortProperty() == null || query.direction() == Sort.Direction.DESC;
		List<UUID> scope = scope(callerId, workspaceId);
		long offset = (long) (query.page() - 1) * query.size();
		if (offset > PageResult.TOTAL_CAP) {
			throw new InvalidInputException("page",
					"pages reach the first " + PageResult.TOTAL_CAP + " notifications only");
		}
		return new PageResult<>(this.inbox.page(callerId, scope, unreadOnly, newestFirst, (int) offset, query.size()),
				query.page(), query.size(), this.inbox.count(callerId, scope, unreadOnly));
	}

	@Transactional(readOnly = true)
	public long unreadCount(UUID callerId, UUID workspaceId) {
		return this.inbox.count(callerId, scope(callerId, workspaceId), true);
	}

	/** Marks the caller's notification read; 404 when it is not his. */
	@Transactional
	public NotificationView markRead(UUID callerId, UUID notificationId) {
		List<UUID> scope = scope(callerId, null);
		this.inbox.find(callerId, scope, notificationId)
			.orElseThrow(() -> new NotFoundException("Notification", notificationId));
		this.inbox.markRead(callerId, notificationId, this.clock.instant());
		return this.inbox.find(callerId, scope, notificationId).orElseThrow();
	}

	/** Marks all the caller's unread notifications read (of one workspace, or all). */
	@Transactional
	public int markAllRead(UUID callerId, UUID workspaceId) {
		return this.inbox.markAllRead(callerId, scope(callerId, workspaceId), this.clock.instant());
	}

	/** Every kind with the channel the caller gets it by. */
	@Transactional(readOnly = true)
	public List<NotificationPreference> preferences(UUID callerId) {
		Map<NotificationKind, NotificationChannel> chosen = this.preferences.chosen(callerId);
		List<NotificationPreference> all = new ArrayList<>();
		for (NotificationKind kind : NotificationKind.values()) {
			NotificationChannel channel = chosen.get(kind);
			all.add(new NotificationPreference(kind.code(), (channel != null) ? channel : kind.defaultChannel(),
					channel != null));
		}
		return all;
	}

	/**
	 * Sets the caller's channel for each kind named (by code); 400 naming
	 * {@code preferences.<kind>} for an unknown kind or a missing channel, and nothing
	 * changes then.
	 */
	@Transactional
	public List<NotificationPreference> choose(UUID callerId, Map<String, NotificationChannel> channels) {
		channels.forEach((code, channel) -> {
			if (NotificationKind.ofCode(code).isEmpty()) {
				throw new InvalidInputException("preferences." + code, "is not a notification kind");
			}
			if (channel == null) {
				throw new InvalidInputException("preferences." + code, "must be IN_APP, EMAIL, BOTH or NONE");
			}
		});
		channels.forEach(
				(code, channel) -> this.preferences.choose(callerId, NotificationKind.ofCode(code).get(), channel));
		return preferences(callerId);
	}

	/** A stream token for the caller's current ERP session (valid 60 s, single use). */
	@Transactional
	public StreamToken streamToken(UUID callerId, UUID sessionId) {
		StreamTokens.Minted minted = this.tokens.mint(callerId, sessionId);
		return new StreamToken(minted.token(), minted.expiresAt());
	}

	/**
	 * Opens a stream with a stream token (used up by this); null when the token is
	 * unknown, used or expired, or its session has ended. 404 when a workspace is named
	 * that its user is not a member of.
	 */
	@Transactional
	public SseEmitter openStream(String token, UUID workspaceId, Long lastEventId) {
		return this.tokens.redeem(token)
			.flatMap(holder -> this.identity.findById(holder.userId())
				.filter(user -> this.identity.isSessionOf(holder.sessionId(), user.email()))
				.map(user -> open(user, holder.sessionId(), workspaceId, lastEventId)))
			.orElse(null);
	}

	/**
	 * Opens a stream for a user logged in to the ERP's pages (his page session checked by
	 * the caller).
	 */
	@Transactional(readOnly = true)
	public SseEmitter openStream(UUID userId, UUID sessionId, UUID workspaceId, Long lastEventId) {
		return this.identity.findById(userId)
			.filter(user -> this.identity.isSessionOf(sessionId, user.email()))
			.map(user -> open(user, sessionId, workspaceId, lastEventId))
			.orElse(null);
	}

	private SseEmitter open(UserAccount user, UUID sessionId, UUID workspaceId, Long lastEventId) {
		if (workspaceId != null) {
			this.workspaces.requireMember(workspaceId, user.id());
		}
		return this.streams.open(user.id(), user.email(), sessionId, workspaceId, lastEventId);
	}

	/**
	 * The workspaces the caller reads: the one named (404 unless a member) or all his.
	 */
	private List<UUID> scope(UUID callerId, UUID workspaceId) {
		if (workspaceId != null) {
			this.workspaces.requireMember(workspaceId, callerId);
			return List.of(workspaceId);
		}
		return this.workspaces.membershipsOf(callerId).stream().map(WorkspaceMembership::workspaceId).toList();
	}

	/** A token that opens one stream: {@code GET /api/notifications/stream?token=}. */
	public record StreamToken(String token, Instant expiresAt) {
	}

}
