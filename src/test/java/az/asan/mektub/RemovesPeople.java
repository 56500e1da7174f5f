package az.asan.mektub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A test class's own people, removed after each test with {@link TestPeople#remove} (after the class's
 * own {@code @AfterEach} methods and the {@link TestCampaign} drop): the {@code @AfterEach} method
 * dozens of classes used to copy (issue 24).
 *
 * <pre>
 * &#64;RemovesPeople("%&#64;leaving.test")
 * </pre>
 *
 * A class that must also start without them (a run that stopped half-way left some) says
 * {@code beforeEachToo = true}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RemovesPeople.Extension.class)
public @interface RemovesPeople {

	/** The e-mail pattern of the class's own people, as {@link TestPeople#remove} takes it. */
	String value();

	/** Also removes them before each test (before the class's own {@code @BeforeEach}). */
	boolean beforeEachToo() default false;

	final class Extension implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			RemovesPeople people = people(context);
			if (people.beforeEachToo()) {
				remove(context, people);
			}
		}

		@Override
		public void afterEach(ExtensionContext context) {
			remove(context, people(context));
		}

		private static RemovesPeople people(ExtensionContext context) {
			return context.getRequiredTestClass().getAnnotation(RemovesPeople.class);
		}

		private static void remove(ExtensionContext context, RemovesPeople people) {
			TestPeople.remove(SpringExtension.getApplicationContext(context).getBean(JdbcClient.class), people.value());
		}

	}

}
