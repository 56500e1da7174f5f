/**
 * ASAN Məktub: children's wish letters, the volunteers who register them, the donors who adopt
 * them and the agency staff who run the program. Each subpackage is one feature module; what every
 * feature shares is in the five platform modules under {@code platform}: {@code settings},
 * {@code i18n} (languages and formats), {@code database} (start-up, backups, jobs), {@code security}
 * and {@code web} (headers, error pages, links and paging, kept pages).
 */
package az.asan.mektub;
