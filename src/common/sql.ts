/**
 * Helpers for the set-based SQL of the hub. Batches travel to PostgreSQL as
 * one JSON parameter (unpacked with jsonb_to_recordset / jsonb_array_elements),
 * so a statement has a fixed number of bind parameters however many rows it
 * carries, far below PostgreSQL's 65,535 limit.
 */

/** SQL fragment `(select ... from jsonb_array_elements_text(?::jsonb))`: a set of text values bound as one parameter. */
export const TEXT_SET = '(select jsonb_array_elements_text(?::jsonb))';

/** The one parameter that goes with {@link TEXT_SET}. */
export function textSetParam(values: readonly string[]): string {
  return JSON.stringify(values);
}
