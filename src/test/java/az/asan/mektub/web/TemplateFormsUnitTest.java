package az.asan.mektub.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateFormsUnitTest {

	@Test
	void findsEveryFormOfTheTemplatesWithItsMethodAndAddress() {
		assertThat(TemplateForms.all()).contains("POST /volunteer/letters/{}/edit", "POST /volunteer/letters/new",
				"GET /reports/donors", "POST /logout", "POST /letters/{}/adopt", "GET /tree");
	}

}
