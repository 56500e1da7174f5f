/**
 * What the agency reads: national and regional figures, by year and campaign. Reports read the
 * letter tables directly with SQL written for PostgreSQL; they never change anything.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.report;
