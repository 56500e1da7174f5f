package az.asan.mektub.platform.i18n;

import java.util.List;

/** Choices under a heading (regions of one economic region), for a grouped list of checkboxes. */
public record OptionGroup(String label, List<Option> options) {
}
