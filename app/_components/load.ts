import { cache } from "react";
import { notFound } from "next/navigation";
import { getServices } from "@/server/context";
import { isAppError } from "@/server/errors";

/** Runs a service call; its NOT_FOUND becomes Next's 404 page, anything else goes to error.tsx. */
export async function orNotFound<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/**
 * Data the layout and a page both want, read once per request: React's cache() memoises
 * within one server render, so the layout's header and the page share the query.
 */
export const loadCategories = cache(() => getServices().categories.list());
export const loadPresence = cache(() => getServices().presence.snapshot());
