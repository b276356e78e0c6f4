import { notFound } from "next/navigation";
import { postWithComments } from "../../../lib/db";

export const dynamic = "force-dynamic";

/** The post and its first 20 comments, server-rendered HTML, nothing else. */
export default async function PostPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const found = await postWithComments(id);
  if (!found) notFound();
  const { post, comments } = found;
  return (
    <article>
      <h1>{post.title}</h1>
      <p>{post.username}</p>
      <div dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <ol>
        {comments.map((c) => (
          <li key={c.id} id={`c${c.seq}`}>
            <b>{c.author.username}</b> <time dateTime={c.createdAt.toISOString()}>{c.createdAt.toLocaleString("en")}</time>
            <div dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
          </li>
        ))}
      </ol>
    </article>
  );
}
