package az.asan.mektub.letter;

import java.time.LocalDate;

/** A hold ran past its due date and the letter went back on the tree; its donor is to be told. */
public record HoldReleased(Long letterId, String code, Long donorId, LocalDate dueDate) {
}
