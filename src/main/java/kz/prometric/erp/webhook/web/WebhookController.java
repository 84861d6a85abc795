package kz.prometric.erp.webhook.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.shared.PageQuery;
import kz.prometric.erp.shared.PageResult;
import kz.prometric.erp.webhook.DeliveryView;
import kz.prometric.erp.webhook.WebhookManagement;
import kz.prometric.erp.webhook.WebhookView;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/workspaces/{workspaceId}/webhooks")
@Tag(name = "Webhooks")
class WebhookController {

	private final WebhookManagement webhooks;

	WebhookController(WebhookManagement webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	@Operation(summary = "Subscribe a URL to event kinds (owners and admins); the answer shows the signing secret once")
	ResponseEntity<WebhookView> create(@PathVariable UUID workspaceId,
			@Valid @RequestBody CreateWebhookRequest request) {
		WebhookView created = this.webhooks.create(workspaceId, CurrentUser.id(), request.url(), request.events(),
				request.active(), request.description());
		return ResponseEntity.created(URI.create("/api/workspaces/" + workspaceId + "/webhooks/" + created.id()))
			.body(created);
	}

	@GetMapping
	@Operation(summary = "The workspace's webhooks (owners and admins); sort by createdAt")
	PageResult<WebhookView> list(@PathVariable UUID workspaceId, PageQuery page) {
		return this.webhooks.webhooks(workspaceId, CurrentUser.id(), page);
	}

	@GetMapping("/{webhookId}")
	WebhookView get(@PathVariable UUID workspaceId, @PathVariable UUID webhookId) {
		return this.webhooks.webhook(workspaceId, CurrentUser.id(), webhookId);
	}

	@PatchMapping("/{webhookId}")
	@Operation(summary = "Change the URL, the event kinds, the description or switch the webhook on or off")
	WebhookView update(@PathVariable UUID workspaceId, @PathVariable UUID webhookId,
			@Valid @RequestBody UpdateWebhookRequest request) {
		return this.webhooks.update(workspaceId, CurrentUser.id(), webhookId, request.url(), request.events(),
				request.active(), request.description());
	}

	@DeleteMapping("/{webhookId}")
	@Operation(summary = "Delete the webhook and its delivery log")
	ResponseEntity<Void> delete(@PathVariable UUID workspaceId, @PathVariable UUID webhookId) {
		this.webhooks.delete(workspaceId, CurrentUser.id(), webhookId);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{webhookId}/secret")
	@Operation(summary = "Replace the signing secret; the answer shows the new one once")
	WebhookView rotateSecret(@PathVariable UUID workspaceId, @PathVariable UUID webhookId) {
		return this.webhooks.rotateSecret(workspaceId, CurrentUser.id(), webhookId);
	}

	@GetMapping("/{webhookId}/deliveries")
	@Operation(summary = "The webhook's deliveries, newest first; status=PENDING, DELIVERED or FAILED")
	PageResult<DeliveryView> deliveries(@PathVariable UUID workspaceId, @PathVariable UUID webhookId,
			@RequestParam(required = false) String status, PageQuery page) {
		return this.webhooks.deliveries(workspaceId, CurrentUser.id(), webhookId, status, page);
	}

	@GetMapping("/{webhookId}/deliveries/{deliveryId}")
	@Operation(summary = "One delivery with every attempt")
	DeliveryView delivery(@PathVariable UUID workspaceId, @PathVariable UUID webhookId, @PathVariable UUID deliveryId) {
		return this.webhooks.delivery(workspaceId, CurrentUser.id(), webhookId, deliveryId);
	}

	@PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
	@Operation(summary = "Send the delivery once more now (same event id); answers it with the new attempt")
	DeliveryView redeliver(@PathVariable UUID workspaceId, @PathVariable UUID webhookId,
			@PathVariable UUID deliveryId) {
		return this.webhooks.redeliver(workspaceId, CurrentUser.id(), webhookId, deliveryId);
	}

	record CreateWebhookRequest(@NotBlank @Size(max = 2000) String url,
			@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 60) String> events, Boolean active,
			@Size(max = 200) String description) {
	}

	record UpdateWebhookRequest(@Size(min = 1, max = 2000) String url,
			@Size(min = 1, max = 50) List<@NotBlank @Size(max = 60) String> events, Boolean active,
			@Size(max = 200) String description) {
	}

}
