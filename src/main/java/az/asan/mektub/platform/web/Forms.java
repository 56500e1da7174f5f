package az.asan.mektub.platform.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

/**
 * Putting a form record back on its page after errors. When a value fails to convert (a mistyped
 * date), Spring still builds the record, with null in that field, but stops validating and keeps no
 * target in the binding result. {@link #validateRest} finds the other errors too, so a person sees
 * every problem at once; {@link #redisplay} puts the record and its binding result side by side, so
 * that every field shows what was typed, converted or not.
 */
public final class Forms {

	private Forms() {
	}

	public static void validateRest(Validator validator, Object form, BindingResult result) {
		if (form == null || !result.hasErrors()) {
			return;
		}
		BindingResult others = new BeanPropertyBindingResult(form, result.getObjectName());
		validator.validate(form, others);
		for (FieldError error : others.getFieldErrors()) {
			if (!result.hasFieldErrors(error.getField())) {
				result.addError(error);
			}
		}
	}

	/**
	 * Validates a form record that the controller completed after binding (a value the page does not
	 * send); errors of binding stay, validation adds what they do not already say.
	 */
	public static void validateAll(Validator validator, Object form, BindingResult result) {
		BindingResult others = new BeanPropertyBindingResult(form, result.getObjectName());
		validator.validate(form, others);
		for (FieldError error : others.getFieldErrors()) {
			if (!result.hasFieldErrors(error.getField())) {
				result.addError(error);
			}
		}
		others.getGlobalErrors().forEach(result::addError);
	}

	/**
	 * Where further checks of a form write their errors: the binding's own result, unless binding could
	 * not build the form into it (a value of the wrong type leaves a record's result without its target,
	 * and a check naming a field would fail there); then a result of its own, to be {@link #join joined}.
	 */
	public static Errors checksOf(Object form, BindingResult result) {
		return result.getTarget() != null || form == null ? result
				: new BeanPropertyBindingResult(form, result.getObjectName());
	}

	/** The checks' errors joined to the binding's, one per field: what binding said of a field stays. */
	public static void join(Errors checks, BindingResult result) {
		if (checks == result) {
			return;
		}
		for (FieldError error : checks.getFieldErrors()) {
			if (!result.hasFieldErrors(error.getField())) {
				result.addError(error);
			}
		}
		checks.getGlobalErrors().forEach(result::addError);
	}

	/**
	 * An error beside a field, also when binding could not build the form (a value of the wrong type
	 * elsewhere leaves the result without its target, where {@code rejectValue} would fail).
	 */
	public static void reject(BindingResult result, String field, String code) {
		if (result.getTarget() != null) {
			result.rejectValue(field, code);
			return;
		}
		result.addError(new FieldError(result.getObjectName(), field, null, false, result.resolveMessageCodes(code, field),
				null, null));
	}

	public static void redisplay(Model model, String name, Object form, BindingResult result) {
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

}
