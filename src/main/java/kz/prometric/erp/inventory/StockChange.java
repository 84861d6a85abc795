package kz.prometric.erp.inventory;

/** A movement written and the stock level it produced. */
public record StockChange(StockMovementView movement, StockLevelView stock) {
}
