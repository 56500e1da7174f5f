/**
 * The staff's start page: the way to every admin section, and whether the scheduled jobs and the
 * backups are alive. Each section itself belongs to its feature's module.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.admin;
