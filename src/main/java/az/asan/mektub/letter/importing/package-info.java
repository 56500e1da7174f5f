/**
 * Many letters at once from a spreadsheet as Excel in Azerbaijan saves it (XLSX, or CSV in UTF-8,
 * UTF-16, Windows-1254 or Windows-1251), with its page, its templates and the list of regions a file
 * may name; a long file runs in the background with its progress kept in the database. Internal.
 */
package az.asan.mektub.letter.importing;
