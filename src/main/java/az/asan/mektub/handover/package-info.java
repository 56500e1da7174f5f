/**
 * Handover points: the ASAN service centres where donors hand gifts in, with address and hours and
 * whether they take gifts now. Managed by staff.
 */
package az.asan.mektub.handover;
