/**
 * The app's settings as one validated record ({@link az.asan.mektub.platform.settings.AsanProperties}):
 * every ASAN_* environment variable and asan.* property with its default and its check, and the table of
 * settings staff may change at run time. Every module reads its settings here; it reads no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Settings")
package az.asan.mektub.platform.settings;
