package az.asan.mektub;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * A test class that must see every page made afresh, where production keeps some for a few seconds:
 * the class says why beside it. Every other test runs with production's kept pages (issue 23); all the
 * classes with this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "asan.tree.cache-seconds=0", "asan.reports.cache-seconds=0",
		"asan.desk.cache-seconds=0" })
public @interface FreshPages {

}
