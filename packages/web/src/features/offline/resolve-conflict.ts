/** What the rep chose for one field of a conflicting edit. */
export type Choice = 'mine' | 'server' | 'both';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of the rep's edit (not `version`) whose value differs from the server's copy. */
export const changedFields = (mine: Record<string, unknown>, server: Record<string, unknown>): string[] =>
  Object.keys(mine).filter((field) => field !== 'version' && !same(mine[field], server[field]));

/** Both texts, the server's first then the rep's, so nothing typed on either side is lost. */
export const combine = (server: unknown, mine: unknown): string =>
  [server, mine]
    .map((value) => (typeof value === 'string' ? value.trim() : ''))
    .filter(Boolean)
    .join('\n');

/**
 * The edit to send again after a conflict, made on the server's current version: each field as
 * the rep chose (theirs, the server's, or the combined text). `null` when nothing is left to
 * change (every field taken from the server): the write is then dropped, on the rep's choice.
 *
 * @example
 * mergeEdit({ mine: { notes: 'A', version: 3 }, server: { notes: 'B', version: 4 }, choices: { notes: 'both' }, combined: { notes: 'B\nA' } })
 * // → { notes: 'B\nA', version: 4 }
 */
export function mergeEdit({
  mine,
  server,
  choices,
  combined,
}: {
  mine: Record<string, unknown>;
  server: Record<string, unknown>;
  choices: Record<string, Choice>;
  combined: Record<string, string>;
}): Record<string, unknown> | null {
  const body: Record<string, unknown> = {};
  for (const field of Object.keys(mine)) {
    if (field === 'version') continue;
    const choice = choices[field] ?? (same(mine[field], server[field]) ? 'server' : 'mine');
    if (choice === 'mine' && !same(mine[field], server[field])) body[field] = mine[field];
    if (choice === 'both') body[field] = combined[field] ?? combine(server[field], mine[field]);
  }
  if (Object.keys(body).length === 0) return null;
  return { ...body, version: server.version };
}
