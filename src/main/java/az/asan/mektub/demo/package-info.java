/**
 * Demo data for the zero-setup default: the four demo accounts, one closed campaign per year
 * 2015–2025 whose fulfilled letters add up to the program's 10 512 wishes across 56 regions, and
 * an open campaign with letters in every status but FULFILLED. Loaded once, into an empty database.
 * Its children live where the country's do ({@link az.asan.mektub.demo.RegionalSpread}).
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.demo;
