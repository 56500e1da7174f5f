package az.asan.mektub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.CampaignStatus;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;
import az.asan.mektub.system.AsanProperties;
import az.asan.mektub.system.BeforeServing;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the benchmark only ({@code ASAN_BENCH_LETTERS=N}): fills the database up to N letters in the
 * proportions of a program at national scale, through the same SQL bulk path as the demo data. About
 * 85 % are the fulfilled (and some withdrawn) letters of eleven closed years; the open campaign holds
 * the rest: mostly on the tree, then adopted, in review, gifts in, withdrawn. Baku's districts weigh
 * more, as its population does. It also opens 50 donor accounts, holding nothing, for the
 * adoption-under-contention run. Runs once, on a database that has fewer letters than asked for.
 */
@Component
@Order(30)
class BenchData implements BeforeServing {

	static final String DONOR_PASSWORD = "bench12345";

	private static final int CHUNK = 50_000;

	private final Log log = LogFactory.getLog(BenchData.class);

	private final int letters;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final DemoLetters demoLetters;

	private final Campaigns campaigns;

	private final Regions regions;

	private final AccountManagement accounts;

	BenchData(AsanProperties asan, JdbcClient jdbc, TransactionTemplate tx,
			DemoLetters demoLetters, Campaigns campaigns, Regions regions, AccountManagement accounts) {
		this.letters = asan.bench().letters();
		this.jdbc = jdbc;
		this.tx = tx;
		this.demoLetters = demoLetters;
		this.campaigns = campaigns;
		this.regions = regions;
		this.accounts = accounts;
	}

	@Override
	public void prepare() {
		if (letters <= 0) {
			return;
		}
		long existing = jdbc.sql("SELECT count(*) FROM letter").query(Long.class).single();
		if (existing >= letters * 0.95) {
			log.info("Benchmark data present: " + existing + " letters");
			return;
		}
		long started = System.currentTimeMillis();
		long volunteer = jdbc.sql("SELECT id FROM app_user WHERE email = 'volunteer@demo.az'").query(Long.class).single();
		// Donors who held and fulfilled the generated letters: many, passwordless, written in one go.
		jdbc.sql("""
				INSERT INTO app_user (email, full_name, role, email_confirmed_at)
				SELECT 'bench-holder-' || g || '@bench.az', 'Bench Holder ' || g, 'DONOR', now()
				FROM generate_series(1, 5000) g ON CONFLICT DO NOTHING""").update();
		List<Long> donors = jdbc.sql("SELECT id FROM app_user WHERE email LIKE 'bench-holder-%'").query(Long.class).list();
		// Donors who sign in for the adoption-under-contention run: they hold nothing yet.
		for (int i = 1; i <= 50; i++) {
			String email = "bench-donor-" + i + "@bench.az";
			if (jdbc.sql("SELECT count(*) FROM app_user WHERE email = ?").param(email).query(Long.class).single() == 0) {
				accounts.create(email, DONOR_PASSWORD, "Bench Donor " + i, Role.DONOR, Set.of());
			}
		}
		// Organisations with a limit of their own, so that in bench/adoption.sh every press on a free
		// letter commits an adoption instead of meeting the campaign's donor limit.
		jdbc.sql("UPDATE app_user SET organisation = true, adoption_limit = 100000 WHERE email LIKE 'bench-donor-%'")
			.update();
		List<Integer> weighted = new ArrayList<>();
		for (Region region : regions.acceptingLetters()) {
			weighted.add(region.id());
			if (region.parentId() != null) {
				weighted.add(region.id());
				weighted.add(region.id());
			}
		}
		long toAdd = letters - existing;
		long historic = Math.round(toAdd * 0.85);
		List<Campaign> closed = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.CLOSED);
		Campaign open = campaigns.findByStatusOrderByStartsOnDesc(CampaignStatus.OPEN).get(0);
		for (int i = 0; i < closed.size(); i++) {
			Campaign campaign = closed.get(i);
			long share = historic / closed.size();
			insert(campaign, "FULFILLED", Math.round(share * 0.94), weighted, donors, volunteer, 330);
			insert(campaign, "WITHDRAWN", Math.round(share * 0.06), weighted, donors, volunteer, 330);
		}
		long current = toAdd - historic;
		LocalDate today = LocalDate.now();
		insertCurrent(open, "PUBLISHED", Math.round(current * 0.60), weighted, donors, volunteer, today);
		insertCurrent(open, "ADOPTED", Math.round(current * 0.10), weighted, donors, volunteer, today);
		insertCurrent(open, "GIFT_RECEIVED", Math.round(current * 0.05), weighted, donors, volunteer, today);
		insertCurrent(open, "RECEIVED", Math.round(current * 0.10), weighted, donors, volunteer, today);
		insertCurrent(open, "INCOMPLETE", Math.round(current * 0.05), weighted, donors, volunteer, today);
		insertCurrent(open, "WITHDRAWN", Math.round(current * 0.10), weighted, donors, volunteer, today);
		jdbc.sql("VACUUM ANALYZE").update();
		log.info("Benchmark data: " + toAdd + " letters added in " + (System.currentTimeMillis() - started) / 1000 + " s");
	}

	private void insertCurrent(Campaign campaign, String status, long count, List<Integer> regionIds, List<Long> donors,
			long volunteer, LocalDate today) {
		insertChunks(campaign, status, count, regionIds, donors, volunteer, today.minusDays(300), 290);
	}

	private void insert(Campaign campaign, String status, long count, List<Integer> regionIds, List<Long> donors,
			long volunteer, int spread) {
		insertChunks(campaign, status, count, regionIds, donors, volunteer, campaign.getStartsOn(), spread);
	}

	private void insertChunks(Campaign campaign, String status, long count, List<Integer> regionIds, List<Long> donors,
			long volunteer, LocalDate from, int spread) {
		for (long done = 0; done < count; done += CHUNK) {
			int size = (int) Math.min(CHUNK, count - done);
			tx.executeWithoutResult(s -> demoLetters.insert(campaign.getId(), status, size, regionIds,
					campaign.getAgeReferenceDate(), from, spread, donors, volunteer));
		}
	}

}
