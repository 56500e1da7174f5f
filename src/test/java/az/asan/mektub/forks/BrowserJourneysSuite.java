package az.asan.mektub.forks;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.ExcludeClassNamePatterns;
import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectPackages;
import org.junit.platform.suite.api.Suite;

/**
 * The first JVM of {@code ./mvnw verify}: the browser journeys (Chromium), except the OpenID Connect one,
 * whose forms the form tour counts ({@link IntegrationSuite}), and the two-node kept-pages test, which
 * evens out the two JVMs' times (each about half of the run).
 */
@Suite
@SelectPackages("az.asan.mektub")
@IncludeClassNamePatterns({ ".*BrowserTest", ".*\\.KeptPagesOnEveryNodeIntegrationTest" })
@ExcludeClassNamePatterns(IntegrationSuite.OIDC_JOURNEY)
@ConfigurationParameter(key = "junit.jupiter.testclass.order.default", value = "org.junit.jupiter.api.ClassOrderer$ClassName")
class BrowserJourneysSuite {

}
