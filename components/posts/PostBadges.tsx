import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/Badge";
import { EyeOffIcon, LockIcon, PinIcon } from "@/components/ui/icons";

export function PostBadges({ pinned, locked, hidden }: { pinned?: boolean; locked?: boolean; hidden?: boolean }) {
  const t = useTranslations("posts");
  return (
    <>
      {pinned && (
        <Badge tone="accent">
          <PinIcon className="size-3" />
          {t("pinned")}
        </Badge>
      )}
      {locked && (
        <Badge tone="amber">
          <LockIcon className="size-3" />
          {t("locked")}
        </Badge>
      )}
      {hidden && <HiddenBadge />}
    </>
  );
}

/**
 * What staff see around hidden content: a tint, with the "Hidden" badge saying it in words.
 * Not a fade: lowered opacity took its text below 4.5:1 contrast.
 */
export const hiddenTint = "bg-zinc-100 dark:bg-zinc-900";

export function HiddenBadge() {
  const t = useTranslations("posts");
  return (
    <Badge tone="red">
      <EyeOffIcon className="size-3" />
      {t("hidden")}
    </Badge>
  );
}
