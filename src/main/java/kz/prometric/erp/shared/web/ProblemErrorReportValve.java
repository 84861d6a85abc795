package kz.prometric.erp.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;

/**
 * Tomcat's own error answers (a request it refuses before the application sees it: a
 * malformed URL encoding such as {@code /api/workspaces/%zz}, request headers beyond
 * {@code server.max-http-request-header-size}, a {@code TRACE}) as
 * {@code application/problem+json} instead of Tomcat's HTML page. Errors the application
 * answers itself never get here (they already have a body). What Tomcat answers without
 * running its valves at all (a request line it cannot parse, e.g. a space or control
 * character in the URL) keeps Tomcat's plain 400.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

	ProblemErrorReportValve() {
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(true);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		HttpStatus resolved = HttpStatus.resolve(status);
		String title = (resolved != null) ? resolved.getReasonPhrase() : "Error";
		String type = (status >= 500) ? "internal" : "http";
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"type\":\"urn:prometric:problem:" + type + "\",\"title\":\"" + title + "\",\"status\":"
						+ status + ",\"detail\":\"" + title + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the response cannot be written: nothing to tell
		}
	}

}
