/**
 * Postgres unique violation, as Prisma reports it for model queries (P2002) and raw ones
 * (23505). Kept apart from client.ts so services can recognise it without importing the
 * Prisma client (only repositories and server/db may).
 */
export function isUniqueViolation(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { code?: string; meta?: { code?: string; driverAdapterError?: { cause?: { originalCode?: string; kind?: string } } } };
  return (
    e.code === "P2002" ||
    e.meta?.code === "23505" ||
    e.meta?.driverAdapterError?.cause?.originalCode === "23505" ||
    e.meta?.driverAdapterError?.cause?.kind === "UniqueConstraintViolation"
  );
}
