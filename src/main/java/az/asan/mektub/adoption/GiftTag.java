package az.asan.mektub.adoption;

import java.time.LocalDate;

import az.asan.mektub.handover.HandoverPoint;

/** What a printed gift tag says; the QR code on it opens the letter's public page. */
record GiftTag(String code, String firstName, int age, String wish, String tagCode, LocalDate dueDate,
		HandoverPoint handoverPoint) {
}
