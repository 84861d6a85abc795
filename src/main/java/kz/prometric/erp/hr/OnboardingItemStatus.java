package kz.prometric.erp.hr;

/**
 * Where an onboarding item stands: waiting ({@code OPEN}), done ({@code DONE}), not
 * applicable to this employee ({@code SKIPPED}, only for items that are not required), or
 * dropped because the onboarding stopped ({@code CANCELLED}). Only OPEN items change.
 */
public enum OnboardingItemStatus {

	OPEN, DONE, SKIPPED, CANCELLED

}
