package az.asan.mektub.platform.web;

import az.asan.mektub.platform.settings.AsanProperties;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Who is looking at the page, as the layout needs it (its menu, the name at the top), worked out once
 * per request: the layout's role checks were nine {@code sec:authorize} expressions, each parsed and
 * evaluated per page. Pages read it as {@code ${viewer}}; it looks at the security context only when
 * first asked, so a request that renders no page never does.
 */
public final class Viewer {

	/** The request attribute, hence the template variable. */
	public static final String ATTRIBUTE = "viewer";

	/** A principal with a name to show (the signed-in person). */
	public interface Named {

		String fullName();

	}

	private boolean known;

	private boolean signedIn;

	private boolean donor;

	private boolean volunteer;

	private boolean staff;

	private boolean admin;

	private String name;

	/** Whether the local mailbox ({@code /me/mailbox}) is open in this installation. */
	private final boolean mailboxOpen;

	public Viewer() {
		this(false);
	}

	Viewer(boolean mailboxOpen) {
		this.mailboxOpen = mailboxOpen;
	}

	private void know() {
		if (known) {
			return;
		}
		known = true;
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return;
		}
		signedIn = true;
		Collection<? extends GrantedAuthority> authorities = authentication.getAuthorities();
		for (GrantedAuthority authority : authorities) {
			switch (String.valueOf(authority.getAuthority())) {
				case "ROLE_DONOR" -> donor = true;
				case "ROLE_VOLUNTEER" -> volunteer = true;
				case "ROLE_STAFF" -> staff = true;
				case "ROLE_ADMIN" -> admin = true;
				default -> {
				}
			}
		}
		name = authentication.getPrincipal() instanceof Named named ? named.fullName() : authentication.getName();
	}

	public boolean isSignedIn() {
		know();
		return signedIn;
	}

	public boolean isAnonymous() {
		return !isSignedIn();
	}

	public boolean isDonor() {
		know();
		return donor;
	}

	/** Volunteers, staff and administrators: the volunteers' desk. */
	public boolean isDesk() {
		know();
		return volunteer || staff || admin;
	}

	/** Staff and administrators: reports and administration. */
	public boolean isStaff() {
		know();
		return staff || admin;
	}

	/** A signed-in person where the local mailbox is open: the menu links to it. */
	public boolean isMailbox() {
		return mailboxOpen && isSignedIn();
	}

	public String getName() {
		know();
		return name;
	}

	/**
	 * What of the layout differs between viewers apart from the name: signed in or not, and which
	 * menu entries they get. Pages kept for many people ({@link PageShell}) are keyed by it.
	 */
	String shape() {
		know();
		return (signedIn ? "S" : "a") + (donor ? "d" : "") + (isDesk() ? "v" : "") + (isStaff() ? "s" : "")
				+ (isMailbox() ? "m" : "");
	}

	/** This viewer as a page kept for everyone of the same {@link #shape()} sees them: a placeholder for the name. */
	Viewer standIn() {
		know();
		Viewer standIn = new Viewer(mailboxOpen);
		standIn.known = true;
		standIn.signedIn = signedIn;
		standIn.donor = donor;
		standIn.volunteer = volunteer;
		standIn.staff = staff;
		standIn.admin = admin;
		standIn.name = signedIn ? Placeholders.NAME : null;
		return standIn;
	}

	@Configuration(proxyBeanMethods = false)
	static class PerRequest implements WebMvcConfigurer, HandlerInterceptor {

		private final boolean mailboxOpen;

		PerRequest(AsanProperties asan) {
			this.mailboxOpen = asan.mailboxOpen();
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(this).excludePathPatterns("/css/**", "/js/**", "/images/**", "/webjars/**");
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
			if (request.getAttribute(ATTRIBUTE) == null) {
				request.setAttribute(ATTRIBUTE, new Viewer(mailboxOpen));
			}
			return true;
		}

	}

}
