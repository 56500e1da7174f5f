/**
 * The volunteers' pages of the letter module: their desk, the letters list and each step of a
 * letter's life, the handover desk, the paper tree. Internal: no other module uses them.
 */
package az.asan.mektub.letter.web;
