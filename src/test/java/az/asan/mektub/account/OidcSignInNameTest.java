package az.asan.mektub.account;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import static org.assertj.core.api.Assertions.assertThat;

/** The name the identity provider gives is kept as a typed one would be ({@link PrintableName}). */
class OidcSignInNameTest {

	@Test
	void whatSteersOrHidesTextGoesAndControlsBecomeSpaces() {
		String name = OidcSignIn.nameOf(person(Map.of("name", "Aysel\u202E Quliyeva\u200B\u2028\tnəvəsi")), "a@example.az");
		assertThat(name).isEqualTo("Aysel Quliyeva nəvəsi").matches(PrintableName.PRINTABLE);
	}

	@Test
	void aNameWithNothingPrintableFallsBackToTheGivenNamesThenTheAddress() {
		assertThat(OidcSignIn.nameOf(person(Map.of("name", "\u202E\u200F", "given_name", "Nigar", "family_name", "\u202DSəfərova")),
				"n@example.az")).isEqualTo("Nigar Səfərova");
		assertThat(OidcSignIn.nameOf(person(Map.of("name", "\u202E", "given_name", "\u200B")), "aysel.q@example.az"))
			.isEqualTo("aysel.q");
	}

	private static OidcUser person(Map<String, Object> claims) {
		Map<String, Object> all = new HashMap<>(claims);
		all.put("sub", "subject-1");
		all.put("iss", "https://idp.example.az");
		return new DefaultOidcUser(List.of(), new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(60), all));
	}

}
