package kz.prometric.erp.finance;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * openhtmltopdf logs through its own {@code java.util.logging} handlers straight to the
 * console, five INFO lines for every PDF; this sends its messages to the application's
 * logging instead (loggers {@code com.openhtmltopdf.*}, WARN unless configured).
 */
final class PdfRendererLogging implements XRLogger {

	private PdfRendererLogging() {
	}

	static void install() {
		if (!(XRLog.getLoggerImpl() instanceof PdfRendererLogging)) {
			XRLog.setLoggerImpl(new PdfRendererLogging());
		}
	}

	@Override
	public void log(String where, java.util.logging.Level level, String msg) {
		LoggerFactory.getLogger(where).atLevel(level(level)).log(msg);
	}

	@Override
	public void log(String where, java.util.logging.Level level, String msg, Throwable th) {
		LoggerFactory.getLogger(where).atLevel(level(level)).setCause(th).log(msg);
	}

	@Override
	public void setLevel(String logger, java.util.logging.Level level) {
		// levels come from the application's logging configuration
	}

	@Override
	public boolean isLogLevelEnabled(Diagnostic diagnostic) {
		Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
		return logger.isEnabledForLevel(level(diagnostic.getLevel()));
	}

	private static org.slf4j.event.Level level(java.util.logging.Level level) {
		int value = level.intValue();
		if (value >= java.util.logging.Level.SEVERE.intValue()) {
			return org.slf4j.event.Level.ERROR;
		}
		if (value >= java.util.logging.Level.WARNING.intValue()) {
			return org.slf4j.event.Level.WARN;
		}
		if (value >= java.util.logging.Level.INFO.intValue()) {
			return org.slf4j.event.Level.INFO;
		}
		if (value >= java.util.logging.Level.FINE.intValue()) {
			return org.slf4j.event.Level.DEBUG;
		}
		return org.slf4j.event.Level.TRACE;
	}

}
