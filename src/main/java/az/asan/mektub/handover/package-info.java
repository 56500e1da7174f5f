/**
 * Handover points: the ASAN service centres where donors hand gifts in, with address and hours and
 * whether they take gifts now, and the centres each volunteer works at ({@code volunteer_handover_point}):
 * the desk of a centre receives every gift brought there, whatever the child's region, while regions
 * keep deciding who sees the child's private data ({@link az.asan.mektub.handover.DeskScope}). Managed by staff.
 */
@org.springframework.modulith.ApplicationModule
package az.asan.mektub.handover;
