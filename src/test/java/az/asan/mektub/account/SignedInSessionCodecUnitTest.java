package az.asan.mektub.account;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.util.SerializationUtils;

import static org.assertj.core.api.Assertions.assertThat;

class SignedInSessionCodecUnitTest {

	private final SignedInSessionCodec codec = new SignedInSessionCodec();

	@Test
	void aSignedInPersonsContextReadsBackAsItWasWrittenInAFractionOfTheBytes() throws Exception {
		SignedInUser user = new SignedInUser(42, "aysel@example.az", "Aysel Məmmədova", Role.VOLUNTEER, false, true);
		Instant signedIn = Instant.parse("2026-11-28T09:00:00.123456Z");
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				List.of(new SimpleGrantedAuthority("ROLE_VOLUNTEER"),
						FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(signedIn).build()));
		token.setDetails(new WebAuthenticationDetails("10.0.0.7", null));
		SecurityContext context = new SecurityContextImpl(token);
		assertThat(codec.handles(context)).isTrue();

		byte[] bytes = write(context);
		SecurityContext read = (SecurityContext) codec.read(new DataInputStream(new ByteArrayInputStream(bytes)));

		assertThat(bytes.length).isLessThan(SerializationUtils.serialize(context).length / 4);
		UsernamePasswordAuthenticationToken back = (UsernamePasswordAuthenticationToken) read.getAuthentication();
		assertThat(back.isAuthenticated()).isTrue();
		assertThat(back.getCredentials()).isNull();
		assertThat(back.getAuthorities()).isEqualTo(token.getAuthorities());
		assertThat(((FactorGrantedAuthority) back.getAuthorities().stream().toList().get(1)).getIssuedAt()).isEqualTo(signedIn);
		assertThat(back.getDetails()).isEqualTo(token.getDetails());
		SignedInUser person = (SignedInUser) back.getPrincipal();
		assertThat(person).usingRecursiveComparison().isEqualTo(user);
		assertThat(person.fullName()).isEqualTo("Aysel Məmmədova");
		assertThat(person.role()).isEqualTo(Role.VOLUNTEER);
		assertThat(back.getName()).isEqualTo("aysel@example.az");
	}

	@Test
	void anythingElseIsLeftToJavaSerialisation() {
		SignedInUser user = new SignedInUser(1, "a@b.az", "A", Role.DONOR, false, true);
		assertThat(codec.handles("a flash message")).isFalse();
		assertThat(codec.handles(new SecurityContextImpl(new TestingAuthenticationToken(user, null, "ROLE_DONOR")))).isFalse();
		assertThat(codec.handles(new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.authenticated("someone", null, List.of())))).isFalse();
		assertThat(codec.handles(new SecurityContextImpl(
				UsernamePasswordAuthenticationToken.unauthenticated(user, "password")))).isFalse();
	}

	/** The codec writes every field of a signed-in person; a new field must be added to it too. */
	@Test
	void theCodecKnowsEveryFieldOfASignedInPerson() {
		assertThat(Arrays.stream(SignedInUser.class.getDeclaredFields())
			.filter(field -> !Modifier.isStatic(field.getModifiers()))
			.map(Field::getName))
			.containsExactlyInAnyOrder("id", "email", "fullName", "role", "locked", "enabled", "passwordHash");
	}

	private byte[] write(Object value) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			codec.write(value, out);
		}
		return bytes.toByteArray();
	}

}
