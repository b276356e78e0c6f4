import type { SVGProps } from "react";
import { Icon } from "@/components/ui/icons";

type P = SVGProps<SVGSVGElement>;

export const BellOffIcon = (p: P) => (
  <Icon {...p}>
    <path d="M8.7 3A6 6 0 0 1 18 8c0 2.9.5 5 1.1 6.5" />
    <path d="M17 17H3s3-2 3-9c0-.7.1-1.3.3-1.9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    <path d="M2 2l20 20" />
  </Icon>
);
export const ReplyIcon = (p: P) => (
  <Icon {...p}>
    <path d="M9 17l-5-5 5-5" />
    <path d="M20 18v-2a4 4 0 0 0-4-4H4" />
  </Icon>
);
export const QuoteIcon = (p: P) => (
  <Icon {...p}>
    <path d="M3 21c3 0 7-1 7-8V5c0-1.25-.76-2-2-2H4c-1.25 0-2 .75-2 2v6c0 1.25.75 2 2 2h3c0 4-3 5-4 5" />
    <path d="M15 21c3 0 7-1 7-8V5c0-1.25-.76-2-2-2h-4c-1.25 0-2 .75-2 2v6c0 1.25.75 2 2 2h3c0 4-3 5-4 5" />
  </Icon>
);
export const XIcon = (p: P) => (
  <Icon {...p}>
    <path d="M18 6L6 18M6 6l12 12" />
  </Icon>
);
