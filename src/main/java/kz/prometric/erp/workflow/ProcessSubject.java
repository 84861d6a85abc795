package kz.prometric.erp.workflow;

import java.util.UUID;

/**
 * The business object a process instance works on, as a person reads it: its kind
 * ({@code DEAL}, {@code ORDER}, {@code PRODUCTION_ORDER}, {@code PURCHASE_REQUISITION},
 * {@code EMPLOYEE}), id, readable number and a title such as the deal's title and
 * customer.
 */
public record ProcessSubject(String kind, UUID id, String number, String title) {
}
