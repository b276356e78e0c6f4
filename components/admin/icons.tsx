import type { SVGProps } from "react";
import { Icon } from "@/components/ui/icons";

// The dashboard's own icons, on the same base as components/ui/icons.

type P = SVGProps<SVGSVGElement>;

export const GaugeIcon = (p: P) => (
  <Icon {...p}>
    <path d="M12 14l4-4" />
    <path d="M3.34 19a10 10 0 1 1 17.32 0" />
  </Icon>
);
export const UsersIcon = (p: P) => (
  <Icon {...p}>
    <path d="M16 21v-2a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v2" />
    <circle cx="9" cy="7" r="4" />
    <path d="M22 21v-2a4 4 0 0 0-3-3.87M16 3.13a4 4 0 0 1 0 7.75" />
  </Icon>
);
export const ScrollIcon = (p: P) => (
  <Icon {...p}>
    <path d="M8 6h10M8 10h10M8 14h6" />
    <rect x="4" y="3" width="16" height="18" rx="2" />
  </Icon>
);
