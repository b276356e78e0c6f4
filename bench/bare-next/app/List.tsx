import type { Row } from "../lib/db";

export function List({ rows }: { rows: Row[] }) {
  return (
    <ul>
      {rows.map((r) => (
        <li key={r.id}>
          <a href={`/p/${r.id}`}>{r.title}</a> <a href={`/c/${r.slug}`}>{r.slug}</a> {r.username} {r.commentCount}{" "}
          <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toLocaleString("en")}</time>
        </li>
      ))}
    </ul>
  );
}
