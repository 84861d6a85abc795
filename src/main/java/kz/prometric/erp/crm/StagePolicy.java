package kz.prometric.erp.crm;

import java.math.BigDecimal;

/**
 * What a deal asks outside itself to decide a stage move: whether a discount needs a
 * manager's approval ({@code dmn/discount-approval.dmn}, evaluated on the deal's current
 * lines and value).
 */
@FunctionalInterface
interface StagePolicy {

	boolean discountNeedsApproval(BigDecimal maxDiscountPercent, BigDecimal value);

}
