import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer, isMemberShell } from "@/server/auth/viewer";
import { isStaff } from "@/server/dto";
import { meOf, SHELL_ME, type MyReactions } from "@/server/personal/layer";
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
  const [comments, mine] = await Promise.all([
    orNotFound(services.comments.list(id, viewer, 0, COMMENT_PAGE)),
    viewer ? services.personal.reactionsInPost(viewer, post.id) : ({ post: null, comments: {} } satisfies MyReactions),
  ]);
  // The page for members in general renders as "a member"; each reader's layer fills it in.
  const shell = !viewer && (await isMemberShell());
  const me = viewer ? meOf(viewer) : shell ? SHELL_ME : null;
  const categories = isStaff(viewer) && !viewer?.ban ? await loadCategories() : undefined;
  return <Thread initial={{ post, comments }} me={me} mine={mine} categories={categories} shell={shell} />;
}
