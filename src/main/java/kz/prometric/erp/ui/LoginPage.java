package kz.prometric.erp.ui;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page, and {@code /}, which leads to the ERP's pages. */
@Controller
class LoginPage {

	@GetMapping("/")
	String root() {
		return "redirect:/app";
	}

	@GetMapping(UiSecurityConfiguration.LOGIN)
	String login() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof kz.prometric.erp.identity.ErpPrincipal) {
			return "redirect:/app";
		}
		return "ui/login";
	}

}
