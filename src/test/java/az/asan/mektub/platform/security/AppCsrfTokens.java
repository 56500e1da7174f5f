package az.asan.mektub.platform.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.web.context.WebApplicationContext;

/**
 * Before each test (before the class's own {@code @BeforeEach}), the CSRF filter meets the application's
 * own, cookie-based token repository again: MockMvc's {@code csrf()} and {@code formLogin()}, used by other
 * test classes sharing the application, swap it for a session-based test one for good. For a class
 * whose requests go over real HTTP; the {@code @BeforeEach} two classes used to copy (issue 24).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(AppCsrfTokens.Extension.class)
@interface AppCsrfTokens {

	final class Extension implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			WebApplicationContext app = (WebApplicationContext) SpringExtension.getApplicationContext(context);
			WebTestUtils.setCsrfTokenRepository(new MockHttpServletRequest(app.getServletContext()),
					SecurityConfiguration.csrfTokens());
		}

	}

}
