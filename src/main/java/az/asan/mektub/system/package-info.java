/**
 * What every feature shares and nothing feature-specific: the zero-setup embedded PostgreSQL (its
 * durable start, its stop after the web server drained, its online backups and restore), security
 * rules, languages and formats, error and outage pages, request ids, work done before the port
 * opens. It depends on no other module, so every module may depend on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package az.asan.mektub.system;
