package az.asan.mektub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import az.asan.mektub.letter.Letters;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The open test campaign each test of a class gets, and drops with everything in it afterwards: the
 * set-up dozens of test classes used to copy (issue 24). Put it on the class's fields:
 *
 * <pre>
 * &#64;TestCampaign
 * long campaign;          // the campaign's id, a new open campaign before each test
 *
 * &#64;TestCampaign
 * TestLetters testLetters; // letters to put in it, in any state
 * </pre>
 *
 * A class whose campaign lets a person hold fewer (or more) letters at once than three says so on its
 * {@code long} field: {@code @TestCampaign(donorLimit = 1)}.
 * <p>
 * After each test (before the class's own {@code @AfterEach} methods) every test campaign is dropped
 * ({@link TestCampaigns#dropAll(ApplicationContext)}), and the app is told, as production is, that
 * many letters changed.
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestCampaign.Extension.class)
public @interface TestCampaign {

	/** How many letters of the campaign one person may hold at once (read from the {@code long} field). */
	int donorLimit() default 3;

	/** Fills the fields before each test (before the class's own {@code @BeforeEach}) and drops the campaigns after it. */
	final class Extension implements BeforeEachCallback, AfterTestExecutionCallback {

		@Override
		public void beforeEach(ExtensionContext context) throws Exception {
			ApplicationContext app = SpringExtension.getApplicationContext(context);
			Object test = context.getRequiredTestInstance();
			JdbcClient jdbc = app.getBean(JdbcClient.class);
			List<Field> fields = new ArrayList<>();
			for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					if (field.isAnnotationPresent(TestCampaign.class)) {
						fields.add(field);
					}
				}
			}
			int donorLimit = fields.stream()
				.filter(field -> field.getType() == long.class)
				.mapToInt(field -> field.getAnnotation(TestCampaign.class).donorLimit())
				.findFirst()
				.orElse(3);
			long campaign = TestCampaigns.create(jdbc, "OPEN", 3, 14, 14, donorLimit);
			for (Field field : fields) {
				field.setAccessible(true);
				if (field.getType() == long.class) {
					field.setLong(test, campaign);
				}
				else if (field.getType() == TestLetters.class) {
					field.set(test, new TestLetters(app.getBean(Letters.class), app.getBean(TransactionTemplate.class), jdbc));
				}
				else {
					throw new IllegalStateException("@TestCampaign fills a long (the campaign's id) or TestLetters, not "
							+ field);
				}
			}
		}

		/** Right after the test, before the class's own {@code @AfterEach} clean-up (which may remove people the letters name). */
		@Override
		public void afterTestExecution(ExtensionContext context) {
			TestCampaigns.dropAll(SpringExtension.getApplicationContext(context));
		}

	}

}
