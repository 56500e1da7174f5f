/**
 * The letter tree: the public face of the program. Published letters of a campaign hang on an SVG
 * tree (or stand in a list), filtered by region, age, gender, category, cost and words of the wish,
 * a page at a time or shaken into a random set; each letter has a public page under its unguessable
 * code. Only what the public may see of a child ever leaves this module: first name, age, gender,
 * region, the reviewed wish, category, cost and a picture the volunteer marked shareable; never the
 * surname, birth date, address, institution, guardian, phone or the original scan, and never the
 * database id.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.tree;
