import { notFound } from "next/navigation";
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
