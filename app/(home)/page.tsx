import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer, isMemberShell } from "@/server/auth/viewer";
import { PostFeed } from "@/components/posts/PostFeed";
import { OnlineMembers } from "@/components/layout/OnlineMembers";
import { Card, CardHeader } from "@/components/ui/Card";
import { LinkButton } from "@/components/ui/Button";
import { EmptyState } from "@/components/ui/EmptyState";
import { PlusIcon } from "@/components/ui/icons";
import { FeedTabs, type FeedTab } from "@/components/follow/FeedTabs";
import { CategoryList } from "./_components/CategoryList";
import { ShellGreeting } from "./_components/ShellGreeting";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ filter?: string | string[] }> };

export default async function Home({ searchParams }: Props) {
  const [viewer, shell] = await Promise.all([getViewer(), isMemberShell()]);
  const services = getServices();
  const asked = (await searchParams).filter;
  // Unread and New are a member's own views; guests always get the latest posts.
  const filter = viewer && (asked === "unread" || asked === "new") ? asked : undefined;
  const [categories, latest, tFollow] = await Promise.all([
    services.categories.listWithStats(),
    filter ? services.posts.filtered(viewer, filter) : services.posts.latest(viewer),
    getTranslations("follow"),
  ]);
  const tf = tFollow;
  const tab: FeedTab = filter ?? "latest";
  // The page for members in general renders as "a member"; each reader's layer fills it in.
  const member = viewer !== null || shell;
  const canPost = (viewer && !viewer.ban) || shell;
  const t = await getTranslations("home");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-zinc-900 sm:text-3xl dark:text-white">
            {viewer ? t("welcomeBack", { username: viewer.username }) : shell ? <ShellGreeting /> : t("welcome")}
          </h1>
          <p className="mt-1 text-zinc-600 dark:text-zinc-400">{t("subtitle")}</p>
        </div>
        {canPost && (
          <LinkButton href="/new">
            <PlusIcon className="size-4" />
            {t("newPost")}
          </LinkButton>
        )}
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Card className="self-start">
          <CardHeader title={filter ? tf(`tabs.${filter}`) : t("latest")} action={member ? <FeedTabs current={tab} /> : undefined} />
          <PostFeed
            key={tab}
            scope="forum"
            filter={filter}
            initial={{ posts: latest.items, nextCursor: latest.nextCursor }}
            shell={shell}
            empty={
              filter ? (
                <EmptyState title={tf(`tabs.${filter}`)}>{filter === "unread" ? tf("emptyUnread") : tf("emptyNew")}</EmptyState>
              ) : (
                <EmptyState
                  title={t("noPosts")}
                  action={
                    canPost ? (
                      <LinkButton href="/new">{t("startFirst")}</LinkButton>
                    ) : (
                      <LinkButton href="/register" variant="secondary">
                        {t("joinToStart")}
                      </LinkButton>
                    )
                  }
                >
                  {t("firstPost")}
                </EmptyState>
              )
            }
          />
        </Card>
        <aside className="space-y-6 lg:sticky lg:top-32 lg:self-start" aria-label={t("overview")}>
          <CategoryList categories={categories} />
          {/* The root layout's presence snapshot is in the store already. */}
          <OnlineMembers />
        </aside>
      </div>
    </div>
  );
}
