package kz.prometric.erp.shared;

/**
 * One reason a request was refused, naming the request field it concerns.
 */
public record FieldViolation(String field, String message) {
}
