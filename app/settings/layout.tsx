import type { ReactNode } from "react";
import { SettingsNav } from "@/components/settings/SettingsNav";

/** Every settings page: the shared navigation beside (desktop) or above (phone) the page. */
export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto grid max-w-4xl gap-6 md:grid-cols-[12rem_1fr]">
      <SettingsNav />
      <div className="min-w-0">{children}</div>
    </div>
  );
}
