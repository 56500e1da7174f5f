import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Runs SQL statements against the benchmark's embedded PostgreSQL (bench/run.sh uses it to switch the
 * statement log on and off, and to read table statistics): java -cp postgresql.jar bench/Sql.java PORT SQL...
 * Prints the first column of each row a statement returns.
 */
public class Sql {

	public static void main(String[] args) throws Exception {
		try (Connection connection = DriverManager.getConnection("jdbc:postgresql://localhost:" + args[0] + "/postgres",
				"postgres", "postgres")) {
			connection.setAutoCommit(true);
			for (int i = 1; i < args.length; i++) {
				try (Statement statement = connection.createStatement()) {
					if (statement.execute(args[i])) {
						try (ResultSet rows = statement.getResultSet()) {
							while (rows.next()) {
								System.out.println(rows.getString(1));
							}
						}
					}
				}
			}
		}
	}

}
