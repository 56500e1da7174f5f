package az.asan.mektub.adoption;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The addresses an organisation invites to its team, one a line (or separated by commas, semicolons
 * or spaces, as copied from a mail program). {@link #addresses} and {@link #badAddress} read them.
 */
record TeamInviteForm(@NotBlank @Size(max = 20000) String emails) {

	/** An address as the registration forms take it: printable ASCII, one @, a dot in the domain. */
	private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern
		.compile("^[\\x21-\\x7E&&[^@,;<>()\\[\\]\\\\\"]]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+$");

	static TeamInviteForm empty() {
		return new TeamInviteForm("");
	}

	/** The addresses typed, each once, in the order typed. */
	List<String> addresses() {
		Set<String> found = new LinkedHashSet<>();
		for (String part : (emails == null ? "" : Normalizer.normalize(emails, Normalizer.Form.NFKC)).split("[\\s,;]+")) {
			if (!part.isBlank()) {
				found.add(part.strip().toLowerCase(java.util.Locale.ROOT));
			}
		}
		return new ArrayList<>(found);
	}

	/** The first address that is no address, if any. */
	java.util.Optional<String> badAddress() {
		return addresses().stream().filter(a -> a.length() > 254 || !ADDRESS.matcher(a).matches()).findFirst();
	}

}
