/**
 * What every feature shares and nothing feature-specific: the zero-setup embedded PostgreSQL,
 * security rules, languages and formats, error pages. It depends on no other module, so every
 * module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package az.asan.mektub.system;
