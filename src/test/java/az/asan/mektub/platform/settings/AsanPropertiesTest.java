package az.asan.mektub.platform.settings;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The typed settings: every one is in the README's configuration table with its default, under the
 * environment variable people set, the table names none that does not exist, and a wrong value stops
 * the start with a message naming the setting.
 */
class AsanPropertiesTest {

	/** A setting: its property name, its environment variable, its default (null: unset) and its type. */
	record Setting(String property, String variable, Object defaultValue, Class<?> type) {
	}

	@Test
	void everySettingIsInTheReadmesConfigurationTableWithItsDefaultAndTheTableNamesNoOther() throws IOException {
		Map<String, Setting> settings = settings();
		Map<String, List<String>> rows = readmeRows();

		assertThat(new TreeSet<>(rows.keySet())).isEqualTo(new TreeSet<>(settings.keySet()));
		for (Setting setting : settings.values()) {
			String defaults = String.join(" ", rows.get(setting.variable()));
			if (setting.defaultValue() == null) {
				assertThat(defaults).as(setting.variable()).containsAnyOf("unset", "none");
			}
			else {
				assertThat(defaults).as(setting.variable()).contains("`" + setting.defaultValue() + "`");
			}
		}
	}

	@Test
	void eachSettingBindsFromTheEnvironmentVariableTheReadmeNames() {
		Map<String, Object> variables = new LinkedHashMap<>();
		Map<String, String> expected = new LinkedHashMap<>();
		for (Setting setting : settings().values()) {
			String value = other(setting);
			variables.put(setting.variable(), value);
			expected.put(setting.property(), value);
		}
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		ConfigurationPropertySources.attach(environment);
		AsanProperties bound = Binder.get(environment).bindOrCreate("asan", AsanProperties.class);

		Map<String, String> actual = new LinkedHashMap<>();
		walk(bound, "asan", (property, value, type) -> actual.put(property, String.valueOf(value)));
		assertThat(actual).isEqualTo(expected);
	}

	@Test
	void theDefaultsStartAndAWrongValueStopsTheStartNamingTheSetting() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SettingsConfiguration.class);
		runner.run(context -> assertThat(context).hasNotFailed().hasBean("asanProperties"));
		runner.withPropertyValues("asan.base-url=notaurl")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("asan.base-url")
				.hasMessageContaining("https://"));
		runner.withPropertyValues("asan.holds.reminder-days=-1")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("holds.reminderDays")
				.hasMessageContaining("-1"));
		runner.withPropertyValues("asan.trusted-proxies=10.0.0.5,proxy.example")
			.run(context -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("asan.trusted-proxies"));
		runner.withPropertyValues("asan.login.lock-for=soon")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("asan.login.lock-for"));
		runner.withPropertyValues("asan.oidc.required-for-staff=true")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("asan.oidc.required-for-staff"));
		runner.withPropertyValues("asan.oidc.issuer-uri=https://login.example.az")
			.run(context -> assertThat(context.getStartupFailure()).hasStackTraceContaining("asan.oidc.client-id"));
		runner.withPropertyValues("asan.oidc.issuer-uri=https://login.example.az", "asan.oidc.client-id=mektub",
				"asan.oidc.client-secret=s", "asan.oidc.required-for-staff=true")
			.run(context -> assertThat(context).hasNotFailed());
		runner.withPropertyValues("asan.base-url=https://mektub.asan.az", "asan.trusted-proxies=10.0.0.5, 10.0.1.0/24")
			.run(context -> assertThat(context).hasNotFailed());
	}

	/** Every setting of the record tree, with the defaults the record gives it. */
	static Map<String, Setting> settings() {
		AsanProperties defaults = new Binder().bindOrCreate("asan", AsanProperties.class);
		Map<String, Setting> settings = new LinkedHashMap<>();
		walk(defaults, "asan", (property, value, type) -> {
			String variable = property.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
			settings.put(variable, new Setting(property, variable, value, type));
		});
		return settings;
	}

	interface Leaf {

		void accept(String property, Object value, Class<?> type);

	}

	static void walk(Record record, String prefix, Leaf leaf) {
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			String property = prefix + "." + kebab(component.getName());
			Object value;
			try {
				value = component.getAccessor().invoke(record);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
			if (component.getType().isRecord()) {
				walk((Record) value, property, leaf);
			}
			else {
				leaf.accept(property, value, component.getType());
			}
		}
	}

	private static String kebab(String name) {
		return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
	}

	/** A value other than the default, to show that the variable reaches the setting. */
	private static String other(Setting setting) {
		Class<?> type = setting.type();
		if (type == int.class) {
			return String.valueOf(((Integer) setting.defaultValue()) + 2);
		}
		if (type == boolean.class) {
			return String.valueOf(!((Boolean) setting.defaultValue()));
		}
		if (type == Boolean.class) {
			return "true";
		}
		if (type == Duration.class) {
			return ((Duration) setting.defaultValue()).plusSeconds(2).toString();
		}
		return "value-of-" + setting.variable();
	}

	/** The README's configuration table: each ASAN_ variable of a row's first cell, and the row's default cell. */
	private static Map<String, List<String>> readmeRows() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("\n## Configuration");
		int end = readme.indexOf("\n## ", start + 1);
		Map<String, List<String>> rows = new LinkedHashMap<>();
		Pattern variable = Pattern.compile("`(ASAN_[A-Z0-9_]+)`");
		for (String line : readme.substring(start, end).split("\n")) {
			if (!line.startsWith("| `")) {
				continue;
			}
			String[] cells = line.split(" \\| ");
			Matcher matcher = variable.matcher(cells[0]);
			while (matcher.find()) {
				rows.computeIfAbsent(matcher.group(1), name -> new ArrayList<>()).add(cells[1]);
			}
		}
		assertThat(rows).isNotEmpty();
		return rows;
	}

}
