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

const SIZES = { xs: "size-5 text-[10px]", sm: "size-7 text-xs", md: "size-9 text-sm", lg: "size-16 text-2xl" } as const;

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** A coloured circle with the member's initials; the colour is stable per username. */
export function Avatar({ username, size = "md", className }: { username: string; size?: keyof typeof SIZES; className?: string }) {
  const letter = username.replace(/[^A-Za-z0-9]/g, "").charAt(0) || "?";
  return (
    <span
      aria-hidden="true"
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
