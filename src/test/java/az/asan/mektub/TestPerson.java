package az.asan.mektub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The id of an account a test uses (a demo person's), looked up by e-mail before each test (before the
 * class's own {@code @BeforeEach}) with {@link TestPeople#id}: the {@code @BeforeEach} method many classes
 * used to copy (issue 24). Put it on a {@code long} field: {@code @TestPerson("donor1@example.az") long donor;}
 */
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(TestPerson.Extension.class)
public @interface TestPerson {

	/** The account's e-mail. */
	String value();

	final class Extension implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) throws Exception {
			Object test = context.getRequiredTestInstance();
			JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
			for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
				for (Field field : type.getDeclaredFields()) {
					TestPerson person = field.getAnnotation(TestPerson.class);
					if (person != null) {
						if (field.getType() != long.class) {
							throw new IllegalStateException("@TestPerson fills a long (the account's id), not " + field);
						}
						field.setAccessible(true);
						field.setLong(test, TestPeople.id(jdbc, person.value()));
					}
				}
			}
		}

	}

}
