/** The public front page: what the program is and its live totals. */
package az.asan.mektub.home;
