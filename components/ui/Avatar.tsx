import { cn } from "./cn";

// Full class strings so Tailwind sees them.
// Shades dark enough for white initials at 4.5:1 (WCAG 2.2 AA).
const PALETTE = [
  "bg-rose-700",
  "bg-orange-700",
  "bg-amber-700",
  "bg-lime-700",
  "bg-emerald-700",
  "bg-teal-700",
  "bg-sky-700",
  "bg-indigo-600",
  "bg-violet-600",
  "bg-fuchsia-700",
];

const SIZES = {
  xs: "size-5 text-[10px]",
  sm: "size-7 text-xs",
  md: "size-9 text-sm",
  lg: "size-16 text-2xl",
  xl: "size-24 text-4xl",
} as const;

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/**
 * A member's picture: their uploaded avatar (`src`, the user's `avatarUrl`), else a coloured
 * circle with their initial, the colour stable per username. Beside the name it repeats, so it
 * is hidden from assistive technology; where it stands alone (the profile page, the settings
 * preview) pass `label` and it is announced as an image with that name.
 */
export function Avatar({
  username,
  src,
  size = "md",
  className,
  label,
}: {
  username: string;
  src?: string | null;
  size?: keyof typeof SIZES;
  className?: string;
  label?: string;
}) {
  const a11y = label ? { role: "img", "aria-label": label } : { "aria-hidden": true as const };
  if (src)
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a 256 px WebP served immutable by Parley; next/image would re-encode it again
      <img
        src={src}
        alt={label ?? ""}
        aria-hidden={label ? undefined : true}
        loading="lazy"
        decoding="async"
        className={cn("inline-block shrink-0 rounded-full bg-zinc-200 object-cover dark:bg-zinc-800", SIZES[size], className)}
      />
    );
  const letter = username.replace(/[^A-Za-z0-9]/g, "").charAt(0) || "?";
  return (
    <span
      {...a11y}
      className={cn(
        "inline-flex shrink-0 items-center justify-center rounded-full font-semibold text-white uppercase select-none",
        PALETTE[hash(username.toLowerCase()) % PALETTE.length],
        SIZES[size],
        className,
      )}
    >
      {letter}
    </span>
  );
}
