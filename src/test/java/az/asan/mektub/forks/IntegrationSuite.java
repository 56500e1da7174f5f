package az.asan.mektub.forks;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The second JVM of {@code ./mvnw verify}: the integration tests, and the OpenID Connect journey, which
 * runs before the form tour (by name: {@code journey} before {@code web}) so that the tour's inventory
 * finds its forms (linking an identity to an account, by password or by mail; unlinking it) submitted.
 */
@Suite
@SelectPackages("az.asan.mektub")
@IncludeClassNamePatterns({ ".*IntegrationTest", IntegrationSuite.OIDC_JOURNEY })
@ExcludeClassNamePatterns(".*\\.KeptPagesOnEveryNodeIntegrationTest")
@ConfigurationParameter(key = "junit.jupiter.testclass.order.default", value = "org.junit.jupiter.api.ClassOrderer$ClassName")
class IntegrationSuite {

	static final String OIDC_JOURNEY = ".*\\.OidcSignInBrowserTest";

}
