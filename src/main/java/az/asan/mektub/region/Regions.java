package az.asan.mektub.region;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import az.asan.mektub.platform.i18n.Localized;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * All regions, read once. The table is reference data that changes only by migration, so a page
 * never pays a query to name a region.
 */
@Component
public class Regions {

	private final JdbcClient jdbc;

	private volatile List<Region> all;

	private volatile Map<Integer, Region> byId;

	private volatile List<EconomicRegion> economicRegions;

	Regions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every region in Azerbaijani alphabetical order. */
	public List<Region> all() {
		load();
		return all;
	}

	public List<Region> acceptingLetters() {
		return all().stream().filter(Region::acceptsLetters).toList();
	}

	public Optional<Region> byId(Integer id) {
		load();
		return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
	}

	public Optional<Region> byCode(String code) {
		return all().stream().filter(r -> r.code().equalsIgnoreCase(code)).findFirst();
	}

	public List<Region> byIds(Collection<Integer> ids) {
		load();
		return all.stream().filter(r -> ids.contains(r.id())).toList();
	}

	public List<EconomicRegion> economicRegions() {
		load();
		return economicRegions;
	}

	private void load() {
		if (all != null) {
			return;
		}
		synchronized (this) {
			if (all != null) {
				return;
			}
			Map<Integer, EconomicRegion> economic = new HashMap<>();
			List<EconomicRegion> economicList = jdbc
				.sql("SELECT id, name_az, name_en, name_ru FROM economic_region ORDER BY name_az")
				.query((rs, n) -> new EconomicRegion(rs.getInt("id"),
						new Localized(rs.getString("name_az"), rs.getString("name_en"), rs.getString("name_ru"))))
				.list();
			economicList.forEach(e -> economic.put(e.id(), e));
			List<Map<String, Object>> rows = jdbc.sql("""
					SELECT id, code, parent_id, name_az, name_en, name_ru, type, economic_region_id,
					       count(*) OVER (PARTITION BY name_az) > 1 AND type = 'city' AS ambiguous
					FROM region ORDER BY name_az, type""").query().listOfRows();
			List<Region> regions = rows.stream()
				.map(row -> new Region((Integer) row.get("id"), (String) row.get("code"), (Integer) row.get("parent_id"),
						new Localized((String) row.get("name_az"), (String) row.get("name_en"), (String) row.get("name_ru")),
						(String) row.get("type"), economic.get(((Number) row.get("economic_region_id")).intValue()),
						Boolean.TRUE.equals(row.get("ambiguous"))))
				.toList();
			this.economicRegions = List.copyOf(economicList);
			this.byId = regions.stream().collect(Collectors.toUnmodifiableMap(Region::id, Function.identity()));
			this.all = regions;
		}
	}

}
