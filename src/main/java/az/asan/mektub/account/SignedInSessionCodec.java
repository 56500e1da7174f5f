package az.asan.mektub.account;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import az.asan.mektub.platform.security.SessionValueCodec;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The signed-in person's security context as it is kept in the session, read on every signed-in
 * request: the account's few fields, its authorities and the sign-in's details, about 120 bytes
 * written out field by field instead of 1.4 KB of Java serialisation. Anything else (another kind of
 * authentication, principal or authority) is left to Java serialisation.
 */
@Component
class SignedInSessionCodec implements SessionValueCodec {

	private static final byte SIMPLE = 0;

	private static final byte FACTOR = 1;

	@Override
	public byte tag() {
		return 1;
	}

	@Override
	public boolean handles(Object value) {
		if (value.getClass() != SecurityContextImpl.class) {
			return false;
		}
		if (!(((SecurityContext) value).getAuthentication() instanceof UsernamePasswordAuthenticationToken token)
				|| token.getClass() != UsernamePasswordAuthenticationToken.class || !token.isAuthenticated()
				|| token.getCredentials() != null || !(token.getPrincipal() instanceof SignedInUser user)
				|| user.getPassword() != null) {
			return false;
		}
		if (token.getDetails() != null && token.getDetails().getClass() != WebAuthenticationDetails.class) {
			return false;
		}
		return token.getAuthorities()
			.stream()
			.allMatch(a -> a.getClass() == SimpleGrantedAuthority.class || a.getClass() == FactorGrantedAuthority.class);
	}

	@Override
	public void write(Object value, DataOutput out) throws IOException {
		UsernamePasswordAuthenticationToken token = (UsernamePasswordAuthenticationToken) ((SecurityContext) value)
			.getAuthentication();
		SignedInUser user = (SignedInUser) token.getPrincipal();
		out.writeLong(user.id());
		out.writeUTF(user.getUsername());
		out.writeUTF(user.fullName());
		out.writeUTF(user.role().name());
		out.writeBoolean(user.locked());
		out.writeBoolean(user.isEnabled());
		out.writeShort(token.getAuthorities().size());
		for (GrantedAuthority authority : token.getAuthorities()) {
			if (authority instanceof FactorGrantedAuthority factor) {
				out.writeByte(FACTOR);
				out.writeUTF(factor.getAuthority());
				out.writeLong(factor.getIssuedAt().getEpochSecond());
				out.writeInt(factor.getIssuedAt().getNano());
			}
			else {
				out.writeByte(SIMPLE);
				out.writeUTF(authority.getAuthority());
			}
		}
		WebAuthenticationDetails details = (WebAuthenticationDetails) token.getDetails();
		out.writeBoolean(details != null);
		if (details != null) {
			writeNullable(out, details.getRemoteAddress());
			writeNullable(out, details.getSessionId());
		}
	}

	@Override
	public Object read(DataInput in) throws IOException {
		SignedInUser user = new SignedInUser(in.readLong(), in.readUTF(), in.readUTF(), Role.valueOf(in.readUTF()),
				in.readBoolean(), in.readBoolean());
		int count = in.readShort();
		List<GrantedAuthority> authorities = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			if (in.readByte() == FACTOR) {
				String authority = in.readUTF();
				authorities.add(FactorGrantedAuthority.withAuthority(authority)
					.issuedAt(Instant.ofEpochSecond(in.readLong(), in.readInt()))
					.build());
			}
			else {
				authorities.add(new SimpleGrantedAuthority(in.readUTF()));
			}
		}
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(user, null,
				authorities);
		if (in.readBoolean()) {
			token.setDetails(new WebAuthenticationDetails(readNullable(in), readNullable(in)));
		}
		return new SecurityContextImpl(token);
	}

	private static void writeNullable(DataOutput out, String value) throws IOException {
		out.writeBoolean(value != null);
		if (value != null) {
			out.writeUTF(value);
		}
	}

	private static String readNullable(DataInput in) throws IOException {
		return in.readBoolean() ? in.readUTF() : null;
	}

}
