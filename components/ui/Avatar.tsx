import { cn } from "./cn";

// Full class strings so Tailwind sees them.
const PALETTE = [
  "bg-rose-500",
  "bg-orange-500",
  "bg-amber-500",
  "bg-lime-600",
  "bg-emerald-600",
  "bg-teal-600",
  "bg-sky-600",
  "bg-indigo-500",
  "bg-violet-500",
  "bg-fuchsia-600",
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
