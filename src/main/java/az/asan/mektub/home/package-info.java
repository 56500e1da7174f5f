/** The public front page: what the program is and its live totals. */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.home;
