package az.asan.mektub.platform.i18n;

/** One choice of a select field: the submitted value and the text a person reads. */
public record Option(String value, String label) {

}
