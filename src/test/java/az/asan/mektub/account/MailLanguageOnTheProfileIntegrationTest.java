package az.asan.mektub.account;

import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.RemovesPeople;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone who registered in Russian gets Russian mail, and the profile says so. */
@IntegrationTest
@RemovesPeople("%@mail-language.test")
class MailLanguageOnTheProfileIntegrationTest extends IntegrationTestBase {

	@Test
	void theProfileOfSomeoneWhoRegisteredInRussianShowsRussianAsTheMailLanguage() {
		Visitor visitor = Visitor.anonymous(mvc).speaking("ru");
		Page registered = visitor.open("/register").formTo("/register")
			.set("fullName", "Ирина Ахмедова")
			.set("email", "irina@mail-language.test")
			.set("password", "gizli-parol-7")
			.set("passwordConfirmation", "gizli-parol-7")
			.submit();
		assertThat(registered.url()).as(registered.messages()).startsWith("/login");
		assertThat(jdbc.sql("SELECT language FROM app_user WHERE email = 'irina@mail-language.test'")
			.query(String.class)
			.single()).isEqualTo("ru");
		jdbc.sql("UPDATE app_user SET email_confirmed_at = now() WHERE email = 'irina@mail-language.test'").update();

		Page me = Visitor.signedIn(mvc, users.loadUserByUsername("irina@mail-language.test")).speaking("ru").open("/me");

		assertThat(me.document().select("select#language option[selected]").attr("value")).isEqualTo("ru");
	}

}
