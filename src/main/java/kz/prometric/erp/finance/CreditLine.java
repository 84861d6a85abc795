package kz.prometric.erp.finance;

import java.math.BigDecimal;

/**
 * A part of an invoice line to credit: the line's number on the invoice (1-based) and the
 * quantity to take off (at most what is not yet credited on that line).
 */
public record CreditLine(int line, BigDecimal quantity) {
}
