/**
 * The zero-setup embedded PostgreSQL 18 (its durable start, its supervision, its stop after the web
 * server drained, orphans of a crash), what the app answers while the database is down, online backups and
 * their restore, jobs run once per cluster ({@link az.asan.mektub.platform.database.JobRuns}), work done
 * before the port opens, and the small SQL helpers every module's queries share.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database and jobs")
package az.asan.mektub.platform.database;
