/**
 * How {@code ./mvnw verify} runs the integration and browser tests: in two JVMs at once, one
 * {@link org.junit.platform.suite.api.Suite suite} each (failsafe gives each fork one of the classes it
 * includes, and includes only these two). A suite, not failsafe's own spreading of classes over forks, so
 * that what shares a JVM is decided here: the form tour's inventory ({@code FormTourIntegrationTest})
 * counts the forms every test before it submitted in its JVM, the OpenID Connect journey's among them.
 * Within a suite classes run in the order of their full names, as they did in one JVM.
 * <p>
 * One class alone: {@code ./mvnw verify -DskipUTs -Dit.test=SomeIntegrationTest} (the name replaces the
 * suites), or {@code ./mvnw test -Dtest=SomeIntegrationTest}.
 */
package az.asan.mektub.forks;
