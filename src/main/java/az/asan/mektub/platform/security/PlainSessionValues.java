package az.asan.mektub.platform.security;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.csrf.DefaultCsrfToken;

/**
 * The two other values every signed-in request reads from its session, written out field by field
 * instead of Java-serialised (issue 17: deserialising them was a tenth of a signed-in request's own
 * work): the CSRF token, and plain strings (a volunteer's regions). Values stored before are still
 * read, through Java serialisation.
 */
@Configuration(proxyBeanMethods = false)
class PlainSessionValues {

	@Bean
	SessionValueCodec csrfTokenSessionCodec() {
		return new SessionValueCodec() {

			@Override
			public byte tag() {
				return 2;
			}

			@Override
			public boolean handles(Object value) {
				return value != null && value.getClass() == DefaultCsrfToken.class;
			}

			@Override
			public void write(Object value, DataOutput out) throws IOException {
				DefaultCsrfToken token = (DefaultCsrfToken) value;
				out.writeUTF(token.getHeaderName());
				out.writeUTF(token.getParameterName());
				out.writeUTF(token.getToken());
			}

			@Override
			public Object read(DataInput in) throws IOException {
				return new DefaultCsrfToken(in.readUTF(), in.readUTF(), in.readUTF());
			}

		};
	}

	@Bean
	SessionValueCodec stringSessionCodec() {
		return new SessionValueCodec() {

			@Override
			public byte tag() {
				return 3;
			}

			@Override
			public boolean handles(Object value) {
				// writeUTF holds at most 65 535 bytes; longer strings are left to Java serialisation
				return value instanceof String text && text.length() <= 16_000;
			}

			@Override
			public void write(Object value, DataOutput out) throws IOException {
				out.writeUTF((String) value);
			}

			@Override
			public Object read(DataInput in) throws IOException {
				return in.readUTF();
			}

		};
	}

}
