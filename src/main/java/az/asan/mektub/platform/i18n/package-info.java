/**
 * Azerbaijani first, English and Russian: the ICU message source (plural rules; no suffix glued to a
 * placeholder, see {@link az.asan.mektub.platform.i18n.AzerbaijaniSuffixes}), numbers, money and dates in
 * the reader's format ({@link az.asan.mektub.platform.i18n.Formats}), the database's ICU collations for
 * sorting names, the language cookie and switch, and localized options for forms.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Languages")
package az.asan.mektub.platform.i18n;
