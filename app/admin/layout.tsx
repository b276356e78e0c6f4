import type { ReactNode } from "react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { getServices } from "@/server/context";
import { RoleBadge } from "@/components/ui/Badge";
import { AdminNav } from "@/components/admin/AdminNav";
import { StaffStoreProvider } from "@/components/admin/StaffStoreProvider";
import { requireStaffPage } from "./_lib";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.meta");
  return { title: { default: t("title"), template: t("template") } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const viewer = await requireStaffPage();
  const figures = await getServices().moderation.figures();
  const t = await getTranslations("admin.meta");
  // The figures start the dashboard's store; the socket bridge keeps them live from there.
  return (
    <StaffStoreProvider initial={figures}>
      <div className="grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[12rem_minmax(0,1fr)] lg:gap-8">
        <aside className="space-y-3 lg:sticky lg:top-28 lg:self-start">
          <div className="flex items-center gap-2 px-1">
            <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t("title")}</h2>
            <RoleBadge role={viewer.role} />
          </div>
          <AdminNav />
        </aside>
        <div className="min-w-0">{children}</div>
      </div>
    </StaffStoreProvider>
  );
}
