/**
 * Regions of Azerbaijan: every first-level unit (ISO 3166-2), Baku's city districts and the
 * economic regions they belong to. Reference data loaded by Flyway and cached in memory, because
 * every page that shows a letter names its region.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.region;
