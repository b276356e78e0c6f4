"use client";
import { useSyncExternalStore } from "react";
import type { PersonalLayer } from "@/server/personal/layer";
import { LAYER_ELEMENT_ID } from "./layer-element";

let parsed: PersonalLayer | null | undefined;

/**
 * The reader's own layer a member-shell page came with (server/http/page-cache.ts), read once
 * per document; null when the page has none.
 */
export function pageLayer(): PersonalLayer | null {
  if (parsed === undefined) {
    const text = document.getElementById(LAYER_ELEMENT_ID)?.textContent;
    try {
      parsed = text ? (JSON.parse(text) as PersonalLayer) : null;
    } catch {
      parsed = null;
    }
  }
  return parsed;
}

const unchanging = () => () => {};

/**
 * In a member shell (`shell`: the page was rendered for members in general), the reader's layer
 * once the page has hydrated: while hydrating it reads as the server rendered (none), then React
 * renders again with the layer. Always null outside a shell.
 */
export function useShellLayer(shell: boolean): PersonalLayer | null {
  const layer = useSyncExternalStore(unchanging, pageLayer, () => null);
  return shell ? layer : null;
}
