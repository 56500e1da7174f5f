/**
 * Many letters at once from a spreadsheet saved as CSV, with its page and template. Internal.
 */
package az.asan.mektub.letter.importing;
