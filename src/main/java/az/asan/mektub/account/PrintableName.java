package az.asan.mektub.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;

/**
 * A name as people read it: no character that is not shown or that steers the text instead of
 * being part of it. Control characters (Cc: ESC, line breaks, tabs), format characters (Cf: the
 * right-to-left override U+202E and the other bidi marks, zero-width spaces and joiners U+200B–U+200F,
 * U+2060, U+FEFF), private-use and unassigned code points (Co, Cn), lone surrogates (Cs) and the line
 * and paragraph separators (Zl, Zp) are refused: a name is shown at the volunteers' desk, in staff
 * lists, in the audit log and in CSV exports, where such a character hides or reorders what follows.
 * Letters of every alphabet, digits, spaces, apostrophes and hyphens stay allowed ("Nərgiz Məmmədova",
 * "O'Brien", "Анна-Мария"). An empty or missing name passes; {@code @NotBlank} says it is needed.
 */
@Pattern(regexp = PrintableName.PRINTABLE)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE })
public @interface PrintableName {

	/** Any text without a character of the categories Cc, Cf, Co, Cn, Cs, Zl or Zp. */
	String PRINTABLE = "[^\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}\\p{Cs}\\p{Zl}\\p{Zp}]*";

	String message() default "{name.printable}";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
