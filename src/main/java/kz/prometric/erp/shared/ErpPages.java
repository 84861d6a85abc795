package kz.prometric.erp.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.stereotype.Controller;

/**
 * A controller of the ERP's own pages (server-rendered HTML under {@code /app}). Its
 * errors render as pages, not as problem+json, and its model carries what the layout
 * needs (the user, his workspaces, the current one).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ErpPages {

}
