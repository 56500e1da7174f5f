package az.asan.mektub.platform.web;

import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
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

	public static void redisplay(Model model, String name, Object form, BindingResult result) {
		model.addAttribute(name, form);
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, result);
	}

}
