import { Badge } from "@/components/ui/Badge";
import { EyeOffIcon, LockIcon, PinIcon } from "@/components/ui/icons";

export function PostBadges({ pinned, locked, hidden }: { pinned?: boolean; locked?: boolean; hidden?: boolean }) {
  return (
    <>
      {pinned && (
        <Badge tone="accent">
          <PinIcon className="size-3" />
          Pinned
        </Badge>
      )}
      {locked && (
        <Badge tone="amber">
          <LockIcon className="size-3" />
          Locked
        </Badge>
      )}
      {hidden && <HiddenBadge />}
    </>
  );
}

export function HiddenBadge() {
  return (
    <Badge tone="red">
      <EyeOffIcon className="size-3" />
      Hidden
    </Badge>
  );
}
