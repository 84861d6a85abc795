package kz.prometric.erp.notification.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.prometric.erp.identity.ErpPrincipal;
import kz.prometric.erp.notification.NotificationManagement;
import kz.prometric.erp.shared.FieldViolation;
import kz.prometric.erp.shared.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live stream of the caller's notifications (Server-Sent Events). A browser's
 * {@code EventSource} cannot send a bearer token, so the stream authenticates by a stream
 * token ({@code ?token=} from {@code POST /api/notifications/stream-token}) or by the
 * login to the ERP's pages (its session cookie); its security chain
 * ({@link StreamSecurityConfiguration}) lets the request through to this check. Errors
 * are problem documents written here, whatever the client accepts.
 */
@RestController
@Tag(name = "Notifications")
class NotificationStreamController {

	private final NotificationManagement notifications;

	private final ObjectMapper mapper;

	NotificationStreamController(NotificationManagement notifications, ObjectMapper mapper) {
		this.notifications = notifications;
		this.mapper = mapper;
	}

	@GetMapping(path = StreamSecurityConfiguration.STREAM, produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	@Operation(summary = "Server-Sent Events of the caller's new notifications (event 'notification', id = its seq; "
			+ "Last-Event-ID or lastEventId replays the missed ones); token= from POST /api/notifications/stream-token "
			+ "or the ERP pages' login; workspaceId= limits it to one workspace")
	SseEmitter stream(@RequestParam(required = false) String token, @RequestParam(required = false) String workspaceId,
			@RequestParam(required = false) String lastEventId,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventIdHeader,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		UUID workspace;
		Long last;
		try {
			workspace = (workspaceId == null || workspaceId.isBlank()) ? null : UUID.fromString(workspaceId.trim());
		}
		catch (IllegalArgumentException ex) {
			return refuse(response, HttpStatus.BAD_REQUEST, "validation", "workspaceId", "must be a UUID");
		}
		String lastId = (lastEventIdHeader != null && !lastEventIdHeader.isBlank()) ? lastEventIdHeader : lastEventId;
		try {
			last = (lastId == null || lastId.isBlank()) ? null : Long.valueOf(lastId.trim());
			if (last != null && last < 0) {
				throw new NumberFormatException();
			}
		}
		catch (NumberFormatException ex) {
			return refuse(response, HttpStatus.BAD_REQUEST, "validation", "Last-Event-ID",
					"must be the id of an event of this stream (a non-negative number)");
		}
		SseEmitter emitter;
		if (token != null) {
			emitter = this.notifications.openStream(token, workspace, last);
		}
		else {
			ErpPrincipal page = pageLogin(request);
			emitter = (page != null) ? this.notifications.openStream(page.userId(), page.sessionId(), workspace, last)
					: null;
		}
		if (emitter == null) {
			return refuse(response, HttpStatus.UNAUTHORIZED, "unauthorized", null,
					"A valid stream token (used once, within 60 seconds) or a login to the ERP's pages is required");
		}
		// unbuffered through nginx, never cached
		response.setHeader("X-Accel-Buffering", "no");
		response.setHeader("Cache-Control", "no-cache");
		return emitter;
	}

	private static ErpPrincipal pageLogin(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		try {
			Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			if (context instanceof SecurityContext security && security.getAuthentication() != null
					&& security.getAuthentication().getPrincipal() instanceof ErpPrincipal principal) {
				return principal;
			}
		}
		catch (IllegalStateException ex) {
			// invalidated meanwhile
		}
		return null;
	}

	private SseEmitter refuse(HttpServletResponse response, HttpStatus status, String type, String field, String detail)
			throws IOException {
		Problems.write(response, this.mapper,
				(field != null) ? Problems.of(status, type, detail, List.of(new FieldViolation(field, detail)))
						: Problems.of(status, type, detail));
		return null;
	}

}
