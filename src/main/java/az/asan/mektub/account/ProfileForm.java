package az.asan.mektub.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a person may change of their own account. */
public record ProfileForm(
		@NotBlank @Size(max = 200) @PrintableName String fullName,
		@Pattern(regexp = "^$|^\\+?[0-9 ()-]{7,20}$", message = "{phone.invalid}") String phone,
		@NotBlank @Pattern(regexp = "az|en|ru") String language) {
}
