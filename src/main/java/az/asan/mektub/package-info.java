/**
 * ASAN Məktub: children's wish letters, the volunteers who register them, the donors who adopt
 * them and the agency staff who run the program. Each subpackage is one feature module; the
 * {@code system} module holds what every page shares (database start-up, security, languages,
 * formats, layout).
 */
package az.asan.mektub;
