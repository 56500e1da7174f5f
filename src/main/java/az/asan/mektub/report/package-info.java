/**
 * What the agency reads: national and regional figures, by year and campaign. Reports read letters
 * only through the letter module's {@code letter.query} interface ({@code ReportLetters},
 * {@code LetterCounts}, {@code LetterStatistics}, {@code FulfilledLetters}, {@code ForgottenLetters},
 * {@code AdoptionChannels}): no SQL here names the {@code letter} table ({@code LetterTableOwnershipTest}
 * fails the build if it does). Their own SQL reads only campaigns' years, names and targets. They never
 * change anything.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.report;
