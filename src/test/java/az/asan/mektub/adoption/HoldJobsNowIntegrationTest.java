package az.asan.mektub.adoption;

import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import az.asan.mektub.IntegrationTest;
import az.asan.mektub.IntegrationTestBase;
import az.asan.mektub.TestCampaigns;
import az.asan.mektub.TestLetters;
import az.asan.mektub.TestPeople;
import az.asan.mektub.account.Role;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.web.Visitor;
import az.asan.mektub.web.Visitor.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff run the hold reminder and the hold expiry now from the jobs page: each run is audited, takes the
 * job's cluster-wide lock like the scheduled run (so with another node running it, nothing runs twice),
 * and the demo's first start has already reminded the demo donor of a hold due soon.
 */
@IntegrationTest
class HoldJobsNowIntegrationTest extends IntegrationTestBase {

	static final String DONOR = "jobs@holds.test";

	@AfterEach
	void cleanUp() {
		jdbc.sql("UPDATE shedlock SET lock_until = now() WHERE name = 'holdReminder' AND locked_by = 'another-node'").update();
		TestCampaigns.dropAll(jdbc);
		jdbc.sql("DELETE FROM mail_outbox WHERE recipient = ?").param(DONOR).update();
		jdbc.sql("DELETE FROM app_user WHERE email = ?").param(DONOR).update();
	}

	@Test
	void staffSendTheHoldRemindersNowFromTheJobsPageAndTheRunIsAudited() {
		// given: a hold due tomorrow whose donor was not reminded
		String code = heldLetter("Aytən", "current_date + 1");
		long before = audits("HOLD_REMINDER_RUN");

		// when
		Page done = staff().open("/admin").formTo("/admin/jobs/hold-reminder").submit();

		// then
		assertThat(done.document().select(".alert-success").text()).as(done.messages()).contains("Göndərilən xatırlatmalar");
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ? AND subject LIKE 'Xatırlatma%'")
			.param(DONOR).query(Long.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT reminder_sent_at IS NOT NULL FROM letter WHERE code = ?").param(code)
			.query(Boolean.class).single()).isTrue();
		assertThat(audits("HOLD_REMINDER_RUN")).isEqualTo(before + 1);
		assertThat(jdbc.sql("SELECT count(*) FROM job_run WHERE name = 'holdReminder' AND finished_at > now() - interval '1 minute'")
			.query(Long.class).single()).isEqualTo(1);
		assertThat(staff().speaking("en").open("/admin/audit").text()).contains("sent the hold reminders now");
	}

	@Test
	void staffReturnHoldsPastTheirDueDateNowAndTheRunIsAudited() {
		// given
		String code = heldLetter("Tofiq", "current_date - 2");
		long before = audits("HOLD_EXPIRY_RUN");

		// when
		Page done = staff().open("/admin").formTo("/admin/jobs/hold-expiry").submit();

		// then
		assertThat(done.document().select(".alert-success").text()).as(done.messages()).isNotBlank();
		assertThat(jdbc.sql("SELECT status FROM letter WHERE code = ?").param(code).query(String.class).single())
			.isEqualTo("PUBLISHED");
		assertThat(audits("HOLD_EXPIRY_RUN")).isEqualTo(before + 1);
	}

	@Test
	void whileAnotherNodeRunsTheReminderJobARunNowDoesNothingAndSaysSo() {
		// given: another node holds the job's lock
		String code = heldLetter("Rəna", "current_date + 1");
		jdbc.sql("""
				INSERT INTO shedlock (name, lock_until, locked_at, locked_by)
				VALUES ('holdReminder', now() + interval '5 minutes', now(), 'another-node')
				ON CONFLICT (name) DO UPDATE SET lock_until = EXCLUDED.lock_until, locked_at = EXCLUDED.locked_at,
				                                 locked_by = EXCLUDED.locked_by""").update();
		long before = audits("HOLD_REMINDER_RUN");

		// when
		Page refused = staff().open("/admin").formTo("/admin/jobs/hold-reminder").submit();

		// then
		assertThat(refused.document().select(".alert-danger").text()).as(refused.messages()).contains("başqa serverdə");
		assertThat(jdbc.sql("SELECT count(*) FROM mail_outbox WHERE recipient = ?").param(DONOR).query(Long.class)
			.single()).isZero();
		assertThat(jdbc.sql("SELECT reminder_sent_at IS NULL FROM letter WHERE code = ?").param(code)
			.query(Boolean.class).single()).isTrue();
		assertThat(audits("HOLD_REMINDER_RUN")).isEqualTo(before);
	}

	@Test
	void theDemoDonorsMailboxHoldsAReminderOfAHoldDueSoonFromTheFirstStart() {
		Page mailbox = Visitor.signedIn(mvc, users.loadUserByUsername("donor@demo.az")).open("/me/mailbox");

		assertThat(mailbox.status()).isEqualTo(200);
		assertThat(mailbox.text()).contains("Xatırlatma: hədiyyə");
		// (its link is absolute; the tests' random port is not known yet when the demo loads)
		assertThat(mailbox.text()).contains("/me/adoptions/");
	}

	private String heldLetter(String firstName, String dueDate) {
		if (jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(DONOR).query(Long.class).single() == 0) {
			accounts.create(DONOR, "parol-12345", "Növbə Donoru", Role.DONOR, Set.of());
		}
		long donor = TestPeople.id(jdbc, DONOR);
		long campaign = TestCampaigns.open(jdbc);
		TestLetters testLetters = new TestLetters(letters, tx, jdbc);
		String code = testLetters.published(campaign, TestLetters.Spec.of(firstName, 9));
		testLetters.moveTo(code, LetterStatus.ADOPTED, donor);
		jdbc.sql("UPDATE letter SET due_date = " + dueDate + ", reminder_sent_at = NULL WHERE code = ?").param(code).update();
		return code;
	}

	private long audits(String action) {
		return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = ?").param(action).query(Long.class).single();
	}

	private Visitor staff() {
		return Visitor.signedIn(mvc, users.loadUserByUsername("staff@demo.az"));
	}

}
