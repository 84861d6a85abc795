package kz.prometric.erp.workflow;

import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which variables a Camunda Form offers, and when a submitted value is a read-only
 * field's unchanged value.
 */
class TaskFormsTests {

	private final ObjectMapper mapper = new ObjectMapper();

	private final TaskForms forms = new TaskForms(this.mapper);

	@Test
	void offersKeyedFieldsAtAnyDepthWithTheirEditabilityAndOptions() {
		TaskForms.Declaration form = this.forms
			.parse(("""
					{"components":[
					  {"type":"text","text":"no key"},
					  {"key":"title","type":"textfield","readonly":true},
					  {"key":"note","type":"textarea","disabled":"=outcome = \\"X\\""},
					  {"key":"outcome","type":"select","values":[{"label":"A","value":"ADVANCE"},{"label":"L","value":"LOST"}]},
					  {"key":"total","type":"expression","expression":"=1+1"},
					  {"type":"group","components":[{"key":"reason","type":"textarea"}]},
					  {"type":"group","path":"address","components":[{"key":"street","type":"textfield"}]},
					  {"key":"contact.email","type":"textfield"}
					]}""")
				.getBytes(StandardCharsets.UTF_8));

		assertThat(form.fields()).containsOnlyKeys("title", "note", "outcome", "total", "reason", "address", "contact");
		assertThat(form.field("title").editable()).isFalse();
		assertThat(form.field("note").editable()).isFalse();
		assertThat(form.field("total").editable()).isFalse();
		assertThat(form.field("reason").editable()).isTrue();
		assertThat(form.field("address").editable()).isTrue();
		assertThat(form.field("outcome").options()).containsExactly("ADVANCE", "LOST");
		assertThat(form.field("reason").options()).isNull();
	}

	@Test
	void readsTheChosenValuesOfListFields() {
		assertThat(TaskForms.Field.chosen("[\"a\",\"b\"]", this.mapper)).containsExactly("a", "b");
		assertThat(TaskForms.Field.chosen(List.of("a"), this.mapper)).containsExactly("a");
		assertThat(TaskForms.Field.chosen("WON", this.mapper)).containsExactly("WON");
	}

	@Test
	void comparesSubmittedValuesAsABrowserSendsThemBack() {
		assertThat(PersonCommandGuard.sameValue(1500000, 1500000.0)).isTrue();
		assertThat(PersonCommandGuard.sameValue("1500000.00", 1500000.0)).isTrue();
		assertThat(PersonCommandGuard.sameValue(1, 1500000.0)).isFalse();
		assertThat(PersonCommandGuard.sameValue("Deal", "Deal")).isTrue();
		assertThat(PersonCommandGuard.sameValue("Deal ", "Deal")).isFalse();
		assertThat(PersonCommandGuard.sameValue(null, null)).isTrue();
		// Tasklist sends an empty read-only field without a value back as an empty text
		assertThat(PersonCommandGuard.sameValue("", null)).isTrue();
		assertThat(PersonCommandGuard.sameValue(" ", null)).isFalse();
		assertThat(PersonCommandGuard.sameValue("", "Refused")).isFalse();
		assertThat(PersonCommandGuard.sameValue("2026-12-01T00:00:00Z", new Date(1_796_083_200_000L))).isTrue();
	}

}
