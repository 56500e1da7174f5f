package az.asan.mektub.platform.settings;

import java.time.Duration;
import java.util.Arrays;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.validation.annotation.Validated;

/**
 * Every {@code asan.*} setting, with its default, in one place. Each is also an environment variable
 * ({@code asan.forgotten.unadopted-days} is {@code ASAN_FORGOTTEN_UNADOPTED_DAYS}); the README's
 * configuration table lists them all ({@code AsanPropertiesReadmeTest} keeps the two in step). A wrong
 * value stops the start with a message naming the setting. A module takes the part it needs from the
 * root in its constructor.
 * <p>
 * Settings read before the application context exists (the zero-setup database's {@code data-dir},
 * {@code demo}, {@code restore-from}, {@code embedded-postgres}) are bound from the same record by
 * {@link az.asan.mektub.platform.database.EmbeddedPostgresEnvironment}, so their defaults live here too.
 */
@ConfigurationProperties("asan")
@Validated
public record AsanProperties(
		/** Where the embedded PostgreSQL keeps its files. */
		@DefaultValue("./data") @NotBlank String dataDir,
		/** Load demo data into an empty database (switched on by the zero-setup database). */
		@DefaultValue("false") boolean demo,
		/** A backup archive restored into the data folder on start. */
		String restoreFrom,
		/** The public address used in mail links and QR codes; unset: {@code http://localhost:<port>}. */
		@Pattern(regexp = "https?://[^/\\s?#]+(/\\S*)?",
				message = "must be an absolute http:// or https:// address, e.g. https://mektub.asan.az") String baseUrl,
		/** Addresses or CIDR ranges of the reverse proxies whose forwarded headers are believed. */
		String trustedProxies,
		@Valid @DefaultValue EmbeddedPostgres embeddedPostgres, @Valid @DefaultValue Admin admin,
		@Valid @DefaultValue Mail mail, @Valid @DefaultValue Retention retention,
		@Valid @DefaultValue Forgotten forgotten, @Valid @DefaultValue Holds holds,
		@Valid @DefaultValue PageCache tree, @Valid @DefaultValue PageCache reports,
		@Valid @DefaultValue PageCache desk, @Valid @DefaultValue Backup backup, @Valid @DefaultValue Login login,
		@Valid @DefaultValue Jobs jobs, @Valid @DefaultValue LetterImport letterImport,
		@Valid @DefaultValue Organisations organisations, @Valid @DefaultValue Oidc oidc) {

	/** Whether {@code /me/mailbox} is open: as set, else whenever demo data is loaded. */
	public boolean mailboxOpen() {
		return mail.mailbox() != null ? mail.mailbox() : demo;
	}

	@AssertTrue(message = "asan.trusted-proxies must list IP addresses or CIDR ranges, comma-separated, e.g. 10.0.0.5,10.0.1.0/24")
	public boolean isTrustedProxiesReadable() {
		try {
			trustedProxyList().forEach(IpAddressMatcher::new);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** The trusted proxies one by one. */
	public java.util.List<String> trustedProxyList() {
		return Arrays.stream(trustedProxies == null ? new String[0] : trustedProxies.split(","))
			.map(String::strip)
			.filter(p -> !p.isEmpty())
			.toList();
	}

	/**
	 * Organisations (companies, associations) registered as donors: how many letters one confirmed by
	 * staff holds at once, unless staff gave it a limit of its own (a person's is the campaign's).
	 */
	public record Organisations(@DefaultValue("20") @Min(1) @jakarta.validation.constraints.Max(1000) int adoptionLimit,
			/**
			 * How long letters an organisation reserves for its team stay off the free tree before they go
			 * back to it (at most 72 hours). Its team adopts them against the organisation's limit, which
			 * also bounds how many it may reserve: held and reserved together, never more than the limit.
			 */
			@DefaultValue("72") @Min(1) @jakarta.validation.constraints.Max(72) int reservationHours) {

		public Duration reservation() {
			return Duration.ofHours(reservationHours);
		}

	}

	/**
	 * Sign-in with the national digital identity (ASAN Login / SİMA) over OpenID Connect: off while no
	 * issuer is set. The provider is asked for its configuration when someone first presses its
	 * button, never at start, so a provider that is down does not stop the app.
	 */
	public record Oidc(
			/** The provider's issuer address ({@code <issuer>/.well-known/openid-configuration} describes it). */
			@Pattern(regexp = "https?://\\S+", message = "must be the provider's http(s):// issuer address") String issuerUri,
			/** This app's client id at the provider. */
			String clientId,
			/** This app's client secret at the provider. */
			String clientSecret,
			/** Volunteers, staff and administrators sign in through the provider only: their password is refused. */
			@DefaultValue("false") boolean requiredForStaff) {

		/** Whether the sign-in is offered. */
		public boolean enabled() {
			return issuerUri != null && !issuerUri.isBlank();
		}

		@AssertTrue(message = "asan.oidc.client-id and asan.oidc.client-secret are needed with asan.oidc.issuer-uri")
		public boolean isClientComplete() {
			return !enabled() || (clientId != null && !clientId.isBlank() && clientSecret != null && !clientSecret.isBlank());
		}

		@AssertTrue(message = "asan.oidc.required-for-staff needs asan.oidc.issuer-uri: without a provider no one of the staff could sign in")
		public boolean isRequirementSatisfiable() {
			return !requiredForStaff || enabled();
		}

	}

	/** The zero-setup database: on unless a datasource is configured; ephemeral uses a throw-away folder. */
	public record EmbeddedPostgres(@DefaultValue("true") boolean enabled, @DefaultValue("false") boolean ephemeral) {
	}

	/** The first administrator of a real deployment, created on start while there is none. */
	public record Admin(String email, String password) {
	}

	/** The sender of the outbox's mail, and the local mailbox (unset: open with demo data). */
	public record Mail(@DefaultValue("ASAN Məktub <no-reply@asanmektub.az>") @NotBlank String from, Boolean mailbox,
			/** The key of one-time links in mail (platform.security.OneTimeLinks); unset: a file made once in the data folder. */
			String linkSecret) {
	}

	/** Private child data of campaigns closed longer than this is anonymised. */
	public record Retention(@DefaultValue("24") @Min(1) int months) {
	}

	/** When a letter counts as forgotten. */
	public record Forgotten(@DefaultValue("30") @Min(1) int unadoptedDays, @DefaultValue("7") @Min(1) int undeliveredDays) {
	}

	/** How many days before a hold's due date its donor is reminded. */
	public record Holds(@DefaultValue("3") @Min(0) int reminderDays) {
	}

	/** How long a page's shared part is kept (0: never). */
	public record PageCache(@DefaultValue("5") @Min(0) int cacheSeconds) {

		public Duration keep() {
			return Duration.ofSeconds(cacheSeconds);
		}

	}

	/** Online backups of the embedded database. */
	public record Backup(@DefaultValue("./backups") @NotBlank String dir, @DefaultValue("14") @Min(1) int keepDays,
			@DefaultValue("0 30 3 * * *") @NotBlank String cron) {
	}

	/** Sign-in throttling (see {@link az.asan.mektub.platform.security.LoginThrottle}). */
	public record Login(@DefaultValue("3") @Min(1) int slowAfter, @DefaultValue("10") @Min(1) int lockAfter,
			@DefaultValue("50") @Min(1) int lockAfterPerAddress, @DefaultValue("PT15M") @NotNull Duration lockFor) {
	}

	/**
	 * The volunteers' file import: a file with more letter rows than {@code maxRows} is refused before
	 * any row is checked; one with more than {@code backgroundAboveRows} runs in the background while
	 * its page shows the progress.
	 */
	public record LetterImport(@DefaultValue("20000") @Min(1) int maxRows,
			@DefaultValue("10000") @Min(0) int backgroundAboveRows) {
	}

	/** When the scheduled jobs run (cron in Baku time, {@code -}: never; delays between runs). */
	public record Jobs(
			/** Run the scheduled jobs on this node (off: only "run now" runs them; the tests switch them off). */
			@DefaultValue("true") boolean enabled, @Valid @DefaultValue MailJob mail, @Valid @DefaultValue LetterCountsJob letterCounts,
			@Valid @DefaultValue RetentionJob retention, @Valid @DefaultValue PendingUploadsJob pendingUploads,
			@Valid @DefaultValue HoldExpiryJob holdExpiry, @Valid @DefaultValue HoldReminderJob holdReminder,
			@Valid @DefaultValue ReservationExpiryJob reservationExpiry) {

		public record MailJob(@DefaultValue("PT10S") @NotNull Duration delay,
				@DefaultValue("PT1H") @NotNull Duration forgetDelay) {
		}

		public record LetterCountsJob(@DefaultValue("PT1M") @NotNull Duration delay) {
		}

		public record RetentionJob(@DefaultValue("0 30 3 * * *") @NotBlank String cron) {
		}

		public record PendingUploadsJob(@DefaultValue("0 17 * * * *") @NotBlank String cron) {
		}

		public record HoldExpiryJob(@DefaultValue("0 */15 * * * *") @NotBlank String cron) {
		}

		public record HoldReminderJob(@DefaultValue("0 0 10 * * *") @NotBlank String cron) {
		}

		public record ReservationExpiryJob(@DefaultValue("0 */5 * * * *") @NotBlank String cron) {
		}

	}

}
