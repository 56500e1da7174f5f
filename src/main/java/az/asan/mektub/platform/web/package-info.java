/**
 * What every page shares: the request id, the proxies whose headers are trusted (none unless
 * configured), security headers and the guard before the app, the app's own answers for errors,
 * refusals and a shutdown (HTML or JSON), links and paging, form helpers, caches of public pages, and
 * pages kept for everyone they look the same for with each reader's own parts put in per request.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package az.asan.mektub.platform.web;
