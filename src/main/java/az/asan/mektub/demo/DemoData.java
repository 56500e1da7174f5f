package az.asan.mektub.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import az.asan.mektub.account.Account;
import az.asan.mektub.account.AccountManagement;
import az.asan.mektub.account.Role;
import az.asan.mektub.adoption.HoldExpiry;
import az.asan.mektub.campaign.Campaign;
import az.asan.mektub.campaign.Campaigns;
import az.asan.mektub.handover.HandoverPoint;
import az.asan.mektub.handover.HandoverPoints;
import az.asan.mektub.letter.privacy.ChildDataRetention;
import az.asan.mektub.letter.LetterStatus;
import az.asan.mektub.region.Region;
import az.asan.mektub.region.Regions;
import az.asan.mektub.platform.settings.AsanProperties;
import az.asan.mektub.platform.database.BeforeServing;
import az.asan.mektub.platform.i18n.Localized;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data on the first start of an empty database when {@code asan.demo} is true (the
 * default with the embedded database only). A transaction-scoped advisory lock keeps two nodes
 * starting at once from loading it twice. It is committed before the port opens ({@link BeforeServing}):
 * nobody sees an empty program while it loads, and the home page's totals are never cached from it.
 */
@Component
@Order(20)
class DemoData implements BeforeServing {

	static final String PASSWORD = "demo12345";

	/** Fulfilled letters per year 2015–2025: they add up to the program's 10 512. */
	static final int[] FULFILLED_PER_YEAR = { 312, 508, 702, 865, 1003, 812, 1046, 1188, 1297, 1352, 1427 };

	static final int REGIONS_REACHED = 56;

	/** Regions with letters each year 2015–2025: the program started in a few and reached 56. */
	static final int[] REGIONS_PER_YEAR = { 12, 18, 25, 31, 37, 42, 46, 50, 53, 55, 56 };

	private final Log log = LogFactory.getLog(DemoData.class);

	private final boolean enabled;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AccountManagement accounts;

	private final Campaigns campaigns;

	private final Regions regions;

	private final DemoLetters letters;

	private final ChildDataRetention retention;

	private final HoldExpiry holdExpiry;

	private final HandoverPoints handoverPoints;

	DemoData(AsanProperties asan, JdbcClient jdbc, TransactionTemplate tx,
			AccountManagement accounts, Campaigns campaigns, Regions regions, DemoLetters letters,
			ChildDataRetention retention, HoldExpiry holdExpiry, HandoverPoints handoverPoints) {
		this.holdExpiry = holdExpiry;
		this.retention = retention;
		this.handoverPoints = handoverPoints;
		this.enabled = asan.demo();
		this.jdbc = jdbc;
		this.tx = tx;
		this.accounts = accounts;
		this.campaigns = campaigns;
		this.regions = regions;
		this.letters = letters;
	}

	@Override
	public void prepare() {
		if (!enabled) {
			return;
		}
		boolean[] loaded = { false };
		tx.executeWithoutResult(status -> {
			jdbc.sql("SELECT pg_advisory_xact_lock(4242001)").query().singleValue();
			Long existing = jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
			if (existing > 0) {
				return;
			}
			long started = System.currentTimeMillis();
			load();
			loaded[0] = true;
			log.info("Loaded demo data in " + (System.currentTimeMillis() - started) + " ms");
		});
		if (loaded[0]) {
			// what the nightly job would do: campaigns closed long ago keep no private child data
			retention.run();
			// and the morning's: the demo donor's mailbox shows the reminder of a hold due soon
			holdExpiry.remindNow();
		}
	}

	private void load() {
		Set<Integer> volunteerRegions = Set.of(code("AZ-BA"), code("AZ-SM"), code("AZ-ABS"), code("AZ-GA"),
				code("AZ-BA-YAS"), code("AZ-BA-NAS"));
		accounts.create("admin@demo.az", PASSWORD, "Demo Administrator", Role.ADMIN, Set.of());
		accounts.create("staff@demo.az", PASSWORD, "Nərgiz Məmmədova", Role.STAFF, Set.of());
		Account volunteer = accounts.create("volunteer@demo.az", PASSWORD, "Orxan Əliyev", Role.VOLUNTEER,
				volunteerRegions);
		Account donor = accounts.create("donor@demo.az", PASSWORD, "Leyla Həsənova", Role.DONOR, Set.of());
		// Donors of past years: they can hold history but cannot sign in (no password).
		List<Long> pastDonors = new java.util.ArrayList<>();
		for (int i = 1; i <= 12; i++) {
			pastDonors.add(accounts.create("donor" + i + "@example.az", null, "Donor " + i, Role.DONOR, Set.of()).getId());
		}
		jdbc.sql("UPDATE app_user SET organisation = true, adoption_limit = 20 WHERE email IN ('donor1@example.az', 'donor2@example.az')")
			.update();

		insertHandoverPoints();

		// children are where the country's children are: Bakı about a quarter, every economic region its share
		RegionalSpread spread = RegionalSpread.of(regions);
		List<Integer> reached = spread.reached(REGIONS_REACHED);
		for (int i = 0; i < FULFILLED_PER_YEAR.length; i++) {
			int year = 2015 + i;
			Campaign campaign = new Campaign("AM-" + year,
					new Localized("ASAN Məktub " + year, "ASAN Məktub " + year, "ASAN Məktub " + year),
					Campaign.Kind.YEAR_ROUND, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 3, 14,
					LocalDate.of(year, 1, 1), 14, 3, FULFILLED_PER_YEAR[i] + 100);
			campaign.close();
			campaigns.save(campaign);
			// closed when it ended, not when the demo loaded: retention then applies to old campaigns
			jdbc.sql("UPDATE campaign SET closed_at = (ends_on + 1)::timestamp AT TIME ZONE 'Asia/Baku' WHERE id = ?")
				.param(campaign.getId())
				.update();
			// the program grew region by region, to 56 by 2025
			List<Integer> thatYear = reached.subList(0, REGIONS_PER_YEAR[i]);
			letters.insert(campaign.getId(), LetterStatus.FULFILLED, FULFILLED_PER_YEAR[i],
					spread.letters(FULFILLED_PER_YEAR[i], thatYear), LocalDate.of(year, 1, 1),
					LocalDate.of(year, 1, 10), 240, pastDonors, volunteer.getId());
			// as in real campaigns, a few letters were withdrawn (duplicates, children no longer eligible)
			int withdrawn = Math.max(3, FULFILLED_PER_YEAR[i] / 40);
			letters.insert(campaign.getId(), LetterStatus.WITHDRAWN, withdrawn, spread.letters(withdrawn, thatYear),
					LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 10), 200, pastDonors, volunteer.getId());
		}

		int year = LocalDate.now().getYear();
		Campaign current = new Campaign("AM-" + year,
				new Localized("ASAN Məktub " + year, "ASAN Məktub " + year, "ASAN Məktub " + year),
				Campaign.Kind.YEAR_ROUND, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), 3, 14,
				LocalDate.of(year, 1, 1), 14, 3, 1500);
		current.open();
		campaigns.save(current);
		Campaign december = new Campaign("BQSI-" + year,
				new Localized("Bir qəlbi də sən isit " + year, "Warm One More Heart " + year,
						"Согрей ещё одно сердце " + year),
				Campaign.Kind.SEASONAL, LocalDate.of(year, 12, 1), LocalDate.of(year, 12, 31), 3, 14,
				LocalDate.of(year, 12, 1), 10, 3, 300);
		campaigns.save(december);

		List<Integer> everywhere = regions.acceptingLetters().stream().map(Region::id).toList();
		List<Integer> volunteerOnes = List.copyOf(volunteerRegions);
		LocalDate today = LocalDate.now();
		LocalDate ref = current.getAgeReferenceDate();
		long id = current.getId();
		long v = volunteer.getId();
		letters.insert(id, LetterStatus.PUBLISHED, 300, spread.letters(300, spread.reached(Integer.MAX_VALUE)), ref,
				today.minusDays(90), 88, pastDonors, v);
		letters.insert(id, LetterStatus.PUBLISHED, 24, volunteerOnes, ref, today.minusDays(30), 28, pastDonors, v);
		letters.insert(id, LetterStatus.RECEIVED, 12, volunteerOnes, ref, today.minusDays(6), 5, pastDonors, v);
		letters.insert(id, LetterStatus.INCOMPLETE, 4, volunteerOnes, ref, today.minusDays(10), 5, pastDonors, v);
		// the demo donor holds two letters: one due in two days, so the first start reminds her of it
		letters.insert(id, LetterStatus.ADOPTED, 1, volunteerOnes, ref, today.minusDays(8), 3, List.of(donor.getId()), v);
		letters.insert(id, LetterStatus.ADOPTED, 1, volunteerOnes, ref, today.minusDays(17), 1, List.of(donor.getId()), v);
		letters.insert(id, LetterStatus.ADOPTED, 14, everywhere, ref, today.minusDays(40), 30, pastDonors, v);
		letters.insert(id, LetterStatus.GIFT_RECEIVED, 8, volunteerOnes, ref, today.minusDays(45), 25, pastDonors, v);
		letters.insert(id, LetterStatus.WITHDRAWN, 6, everywhere, ref, today.minusDays(60), 40, pastDonors, v);
		// donors choose any centre (issue 22): gifts on their way come in all over the country, and the
		// volunteer works at the Bakı and Gəncə centres, whatever their child's region
		letters.spreadGiftsOverCentres(id, handoverPoints.all().stream().map(HandoverPoint::id).sorted().toList());
		handoverPoints.assignCentres(v, handoverPoints.all()
			.stream()
			.filter(p -> p.regionId() == code("AZ-BA") || p.regionId() == code("AZ-GA"))
			.map(HandoverPoint::id)
			.toList(), null);
		jdbc.sql("ANALYZE").update();
	}

	private int code(String code) {
		return regions.byCode(code).orElseThrow().id();
	}

	private void insertHandoverPoints() {
		String[][] points = {
				{ "AZ-BA", "Bakı 1 nömrəli “ASAN xidmət” mərkəzi", "Baku ASAN service centre No. 1", "Бакинский центр «ASAN xidmət» № 1", "Bakı, Yasamal rayonu", "Yasamal district, Baku", "Баку, Ясамальский район" },
				{ "AZ-BA", "Bakı 2 nömrəli “ASAN xidmət” mərkəzi", "Baku ASAN service centre No. 2", "Бакинский центр «ASAN xidmət» № 2", "Bakı, Xətai rayonu", "Khatai district, Baku", "Баку, Хатаинский район" },
				{ "AZ-BA", "Bakı 3 nömrəli “ASAN xidmət” mərkəzi", "Baku ASAN service centre No. 3", "Бакинский центр «ASAN xidmət» № 3", "Bakı, Sabunçu rayonu", "Sabunchu district, Baku", "Баку, Сабунчинский район" },
				{ "AZ-BA", "Bakı 7 nömrəli “ASAN xidmət” mərkəzi", "Baku ASAN service centre No. 7", "Бакинский центр «ASAN xidmət» № 7", "Bakı, Nərimanov rayonu", "Narimanov district, Baku", "Баку, Наримановский район" },
				{ "AZ-SM", "Sumqayıt “ASAN xidmət” mərkəzi", "Sumqayit ASAN service centre", "Центр «ASAN xidmət» в Сумгайыте", "Sumqayıt şəhəri", "Sumqayit city", "город Сумгайыт" },
				{ "AZ-GA", "Gəncə “ASAN xidmət” mərkəzi", "Ganja ASAN service centre", "Центр «ASAN xidmət» в Гяндже", "Gəncə şəhəri", "Ganja city", "город Гянджа" },
				{ "AZ-SA", "Şəki “ASAN xidmət” mərkəzi", "Shaki ASAN service centre", "Центр «ASAN xidmət» в Шеки", "Şəki şəhəri", "Shaki city", "город Шеки" },
				{ "AZ-MAS", "Masallı “ASAN xidmət” mərkəzi", "Masally ASAN service centre", "Центр «ASAN xidmət» в Масаллы", "Masallı şəhəri", "Masally town", "город Масаллы" },
				{ "AZ-QBA", "Quba “ASAN xidmət” mərkəzi", "Guba ASAN service centre", "Центр «ASAN xidmət» в Губе", "Quba şəhəri", "Guba town", "город Губа" },
				{ "AZ-BAR", "Bərdə “ASAN xidmət” mərkəzi", "Barda ASAN service centre", "Центр «ASAN xidmət» в Барде", "Bərdə şəhəri", "Barda town", "город Барда" } };
		for (String[] p : points) {
			jdbc.sql("""
					INSERT INTO handover_point (region_id, name_az, name_en, name_ru, address, address_en, address_ru,
					                            hours, hours_en, hours_ru, accepting)
					VALUES (:region, :az, :en, :ru, :address, :addressEn, :addressRu,
					        'B.e.–Şənbə 09:00–20:00', 'Mon–Sat 09:00–20:00', 'Пн–Сб 09:00–20:00', true)""")
				.param("region", code(p[0]))
				.param("az", p[1])
				.param("en", p[2])
				.param("ru", p[3])
				.param("address", p[4])
				.param("addressEn", p[5])
				.param("addressRu", p[6])
				.update();
		}
	}

}
