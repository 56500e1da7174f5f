package az.asan.mektub.campaign;

/**
 * The one place where a campaign's status is written into SQL, for the modules that join the
 * {@code campaign} table in their own queries (the letter module's tree, desks and retention). The
 * campaign module owns the table and {@link CampaignStatus}; others say "closed" or "not closed"
 * through here and never spell a status themselves. Statuses are rendered as literals, like the
 * letter module's {@code LetterSql}, so a query reads the same in a plan as in the code.
 */
public final class CampaignSql {

	private CampaignSql() {
	}

	/** {@code 'CLOSED'}: a status as an SQL literal. */
	public static String literal(CampaignStatus status) {
		return "'" + status.name() + "'";
	}

	/** {@code c.status = 'CLOSED'}: the campaign is closed (a boolean expression, usable as a column). */
	public static String isClosed(String alias) {
		return column(alias) + " = " + literal(CampaignStatus.CLOSED);
	}

	/** {@code c.status <> 'CLOSED'}: the campaign is planned or open. */
	public static String notClosed(String alias) {
		return column(alias) + " <> " + literal(CampaignStatus.CLOSED);
	}

	private static String column(String alias) {
		return alias == null ? "status" : alias + ".status";
	}

}
