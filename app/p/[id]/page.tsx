import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer } from "@/server/auth/viewer";
import { isStaff, type ReactionKind } from "@/server/dto";
import { loadCategories, orNotFound } from "../../_components/load";
import { Thread } from "./_components/Thread";
import { COMMENT_PAGE } from "./_components/constants";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const post = await getServices()
    .posts.get(id, await getViewer())
    .catch(() => null);
  return { title: post?.title ?? (await getTranslations("notFound"))("title") };
}

export default async function PostPage({ params }: Props) {
  const { id } = await params;
  const viewer = await getViewer();
  const services = getServices();
  const post = await orNotFound(services.posts.get(id, viewer));
  const comments = await orNotFound(services.comments.list(id, viewer, 0, COMMENT_PAGE));
  let mine: { post: ReactionKind | null; comments: Record<string, ReactionKind> } = { post: null, comments: {} };
  if (viewer) {
    const [p, c] = await Promise.all([
      services.reactions.mine(viewer.id, "POST", [post.id]),
      services.reactions.mine(
        viewer.id,
        "COMMENT",
        comments.map((x) => x.id),
      ),
    ]);
    mine = { post: p.get(post.id) ?? null, comments: Object.fromEntries(c) };
  }
  const me = viewer ? { id: viewer.id, username: viewer.username, avatarUrl: viewer.avatarUrl, role: viewer.role, banned: !!viewer.ban } : null;
  const categories = isStaff(viewer) && !viewer?.ban ? await loadCategories() : undefined;
  return <Thread initial={{ post, comments }} me={me} mine={mine} categories={categories} />;
}
