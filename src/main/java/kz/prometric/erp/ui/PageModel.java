package kz.prometric.erp.ui;

import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.prometric.erp.identity.CurrentUser;
import kz.prometric.erp.organization.WorkspaceManagement;
import kz.prometric.erp.organization.WorkspaceView;
import kz.prometric.erp.shared.BusinessRuleViolation;
import kz.prometric.erp.shared.ConflictException;
import kz.prometric.erp.shared.ErpPages;
import kz.prometric.erp.shared.ForbiddenException;
import kz.prometric.erp.shared.InvalidInputException;
import kz.prometric.erp.shared.NotFoundException;
import kz.prometric.erp.shared.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every page's layout needs, and how page errors render: the user, his workspaces
 * for the switcher and the current workspace (a workspace he is not a member of is a 404
 * page, whatever the page); errors as pages in the user's language, never a stack trace.
 */
@ControllerAdvice(annotations = ErpPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageModel {

	private static final Logger log = LoggerFactory.getLogger(PageModel.class);

	private final WorkspaceManagement workspaces;

	PageModel(WorkspaceManagement workspaces) {
		this.workspaces = workspaces;
	}

	@ModelAttribute("me")
	String me() {
		return CurrentUser.email();
	}

	@ModelAttribute("myWorkspaces")
	List<WorkspaceView> myWorkspaces() {
		return this.workspaces.workspacesOf(CurrentUser.id(), PageQuery.first(PageQuery.MAX_SIZE)).items();
	}

	@ModelAttribute("workspace")
	WorkspaceView workspace(@PathVariable(name = "workspaceId", required = false) UUID workspaceId) {
		return (workspaceId != null) ? this.workspaces.workspace(workspaceId, CurrentUser.id()) : null;
	}

	@ModelAttribute("currentUrl")
	String currentUrl(HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound(NotFoundException ex, HttpServletResponse response) {
		return error(HttpStatus.NOT_FOUND, "ui.error.notFound", null);
	}

	@ExceptionHandler(ForbiddenException.class)
	ModelAndView forbidden(ForbiddenException ex) {
		return error(HttpStatus.FORBIDDEN, "ui.error.forbidden", null);
	}

	@ExceptionHandler({ InvalidInputException.class, BusinessRuleViolation.class })
	ModelAndView refused(RuntimeException ex) {
		return error(HttpStatus.UNPROCESSABLE_ENTITY, "ui.error.refused", ex.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ModelAndView conflict(ConflictException ex) {
		return error(HttpStatus.CONFLICT, "ui.error.conflict", ex.getMessage());
	}

	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class })
	ModelAndView badRequest(Exception ex) {
		return error(HttpStatus.BAD_REQUEST, "ui.error.badRequest", null);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex) throws Exception {
		if (ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex;
		}
		log.error("Page failed", ex);
		return error(HttpStatus.INTERNAL_SERVER_ERROR, "ui.error.failed", null);
	}

	private static ModelAndView error(HttpStatus status, String messageKey, String detail) {
		ModelAndView page = new ModelAndView("ui/error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("messageKey", messageKey);
		page.addObject("detail", detail);
		return page;
	}

}
