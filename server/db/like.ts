/**
 * Escapes `%`, `_` and `\` for a LIKE / ILIKE pattern (PostgreSQL's default escape character
 * is the backslash). Prisma's `contains`, `startsWith` and `endsWith` pass user input into
 * such a pattern as it is, so `q=_` would match every name: every such filter on user input
 * goes through this helper. Exact lookups use equality instead (usernames are citext).
 */
export function escapeLike(input: string): string {
  return input.replace(/[\\%_]/g, (c) => `\\${c}`);
}
