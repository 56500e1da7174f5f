/**
 * What other modules read of letters, and the only SQL outside the letter module's own pages that
 * touches the {@code letter} table: the tree's pages, a donor's letters, report figures, the holds
 * the adoption jobs work through, and the demo's bulk letters. Callers get records, never SQL.
 */
@org.springframework.modulith.NamedInterface("query")
package az.asan.mektub.letter.query;
