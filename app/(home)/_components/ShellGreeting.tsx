"use client";
import { useTranslations } from "next-intl";
import { useShellLayer } from "@/components/personal/layer";

/** The home page's greeting on a member shell: "Welcome back, <name>" once the reader's layer is read. */
export function ShellGreeting() {
  const t = useTranslations("home");
  const me = useShellLayer(true)?.me;
  return me ? t("welcomeBack", { username: me.username }) : t("welcome");
}
