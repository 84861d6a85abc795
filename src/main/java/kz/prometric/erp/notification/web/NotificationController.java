package kz.prometric.erp.notification.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.identity.IdentityManagement;
import kz.prometric.erp.notification.NotificationChannel;
import kz.prometric.erp.notification.NotificationManagement;
import kz.prometric.erp.notification.NotificationManagement.StreamToken;
import kz.prometric.erp.notification.NotificationPreference;
import kz.prometric.erp.notification.NotificationView;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notifications")
@Tag(name = "Notifications")
class NotificationController {

	private final NotificationManagement notifications;

	private final IdentityManagement identity;

	NotificationController(NotificationManagement notifications, IdentityManagement identity) {
		this.notifications = notifications;
		this.identity = identity;
	}

	@GetMapping
	@Operation(summary = "The caller's notifications, newest first (sort=createdAt,asc: oldest first), "
			+ "of one workspace or all his workspaces; unread=true: only unread ones")
	PageResult<NotificationView> notifications(@RequestParam(required = false) UUID workspaceId,
			@RequestParam(defaultValue = "false") boolean unread, PageQuery page) {
		return this.notifications.notifications(CurrentUser.id(), workspaceId, unread, page);
	}

	@GetMapping("/unread-count")
	@Operation(summary = "How many of the caller's notifications are unread (of one workspace or all)")
	UnreadCountResponse unreadCount(@RequestParam(required = false) UUID workspaceId) {
		return new UnreadCountResponse(this.notifications.unreadCount(CurrentUser.id(), workspaceId));
	}

	@PostMapping("/{notificationId}/read")
	@Operation(summary = "Mark one of the caller's notifications read (404 for anyone else's)")
	NotificationView markRead(@PathVariable UUID notificationId) {
		return this.notifications.markRead(CurrentUser.id(), notificationId);
	}

	@PostMapping("/read-all")
	@Operation(summary = "Mark all the caller's notifications read (of one workspace or all)")
	ReadAllResponse markAllRead(@RequestParam(required = false) UUID workspaceId) {
		return new ReadAllResponse(this.notifications.markAllRead(CurrentUser.id(), workspaceId));
	}

	@GetMapping("/preferences")
	@Operation(summary = "The channel (IN_APP, EMAIL, BOTH, NONE) of every notification kind for the caller")
	PreferencesResponse preferences() {
		return new PreferencesResponse(this.notifications.preferences(CurrentUser.id()));
	}

	@PutMapping("/preferences")
	@Operation(
			summary = "Set the caller's channel for the kinds named, e.g. {\"preferences\": {\"deal.won\": \"NONE\"}}")
	PreferencesResponse choose(@Valid @RequestBody PreferencesRequest request) {
		return new PreferencesResponse(this.notifications.choose(CurrentUser.id(), request.preferences()));
	}

	@PostMapping("/stream-token")
	@Operation(summary = "A token for GET /api/notifications/stream?token= (an EventSource cannot send a bearer "
			+ "token): valid 60 seconds, once; the stream lasts as long as the caller's session")
	StreamToken streamToken() {
		return this.notifications.streamToken(CurrentUser.id(), this.identity.currentSessionId());
	}

	record UnreadCountResponse(long count) {
	}

	record ReadAllResponse(int marked) {
	}

	record PreferencesResponse(List<NotificationPreference> preferences) {
	}

	record PreferencesRequest(@NotNull @Size(max = 50) Map<String, NotificationChannel> preferences) {
	}

}
