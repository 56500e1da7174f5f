package az.asan.mektub.handover;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import az.asan.mektub.system.Localized;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
@Transactional(readOnly = true)
public class HandoverPoints {

	private static final String SELECT = "SELECT id, region_id, name_az, name_en, name_ru, address, hours, accepting FROM handover_point ";

	private final JdbcClient jdbc;

	HandoverPoints(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<HandoverPoint> all() {
		return jdbc.sql(SELECT + "ORDER BY name_az").query(HandoverPoints::map).list();
	}

	public List<HandoverPoint> accepting() {
		return jdbc.sql(SELECT + "WHERE accepting ORDER BY name_az").query(HandoverPoints::map).list();
	}

	public Optional<HandoverPoint> byId(Long id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql(SELECT + "WHERE id = ?").param(id).query(HandoverPoints::map).optional();
	}

	private static HandoverPoint map(ResultSet rs, int row) throws SQLException {
		return new HandoverPoint(rs.getLong("id"), rs.getInt("region_id"),
				new Localized(rs.getString("name_az"), rs.getString("name_en"), rs.getString("name_ru")),
				rs.getString("address"), rs.getString("hours"), rs.getBoolean("accepting"));
	}

}
