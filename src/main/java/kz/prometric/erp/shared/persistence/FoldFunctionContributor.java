package kz.prometric.erp.shared.persistence;

import org.hibernate.boot.model.FunctionContributions;
import org.hibernate.boot.model.FunctionContributor;
import org.hibernate.query.sqm.produce.function.FunctionParameterType;
import org.hibernate.type.StandardBasicTypes;

/**
 * The JPQL/HQL function {@code fold(text)}: {@code text} in lower case by ICU's root
 * collation, {@code lower((text) collate "und-x-icu")} in PostgreSQL. Searches compare
 * {@code fold(column) like :pattern escape '\'} with a
 * {@link kz.prometric.erp.shared.SearchText} pattern (lower-cased in Java), so Russian
 * and Kazakh letters match in any case also on a database created with the C locale,
 * where {@code lower()} and {@code ILIKE} fold ASCII only. Registered through
 * {@code META-INF/services/org.hibernate.boot.model.FunctionContributor}.
 */
public class FoldFunctionContributor implements FunctionContributor {

	/** The function's name in queries. */
	public static final String NAME = "fold";

	@Override
	public void contributeFunctions(FunctionContributions contributions) {
		contributions.getFunctionRegistry()
			.patternDescriptorBuilder(NAME, "lower((?1) collate \"und-x-icu\")")
			.setExactArgumentCount(1)
			.setParameterTypes(FunctionParameterType.STRING)
			.setInvariantType(
					contributions.getTypeConfiguration().getBasicTypeRegistry().resolve(StandardBasicTypes.STRING))
			.setArgumentListSignature("(STRING text)")
			.register();
	}

}
