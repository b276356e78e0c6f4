import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { getViewer } from "@/server/auth/viewer";
import { NotificationsPage } from "@/components/notifications/NotificationsPage";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type Props = { searchParams: Promise<{ unread?: string | string[] }> };

export default async function Notifications({ searchParams }: Props) {
  const unread = (await searchParams).unread === "1";
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(`/notifications${unread ? "?unread=1" : ""}`)}`);
  const first = await getServices().notifications.list(viewer, { unread, limit: 20 });
  return <NotificationsPage key={String(unread)} unreadOnly={unread} initial={first} />;
}
