import { describe, expect, it } from "vitest";
import { recordingPublisher } from "@/test/services";
import type { Comment, Post } from "../dto";
import { createReadModel } from "./read-model";
import { invalidating, TAGS } from "./invalidation";

/** A read model holding one entry per tag, and the keys still held after `act`. */
async function heldAfter(act: (publisher: ReturnType<typeof invalidating>) => void) {
  const readModel = createReadModel({ maxEntries: 100 });
  const recorder = recordingPublisher();
  const publisher = invalidating(readModel, recorder.publisher);
  for (const [key, tag] of [
    ["p1", TAGS.post("1")],
    ["p2", TAGS.post("2")],
    ["lists", TAGS.lists],
  ])
    await readModel.read(key, [tag], async () => ({ key }));
  act(publisher);
  const held: string[] = [];
  for (const key of ["p1", "p2", "lists"]) {
    let loaded = false;
    await readModel.read(key, [], async () => ((loaded = true), {}));
    if (!loaded) held.push(key);
  }
  return { held, recorder };
}

const post = { id: "1", category: { slug: "general" } } as unknown as Post;
const comment = { id: "c", postId: "1" } as unknown as Comment;

describe("invalidating publisher", () => {
  it("drops what each event makes stale, before passing the event on", async () => {
    expect((await heldAfter((p) => p.commentCreated(comment))).held).toEqual(["p2", "lists"]);
    expect((await heldAfter((p) => p.commentDeleted({ id: "c", postId: "1" }))).held).toEqual(["p2", "lists"]);
    expect((await heldAfter((p) => p.postUpdated(post))).held).toEqual(["p2"]);
    expect((await heldAfter((p) => p.postActivity(post))).held).toEqual(["p2"]);
    expect((await heldAfter((p) => p.postCreated(post))).held).toEqual(["p1", "p2"]);
    expect((await heldAfter((p) => p.categoryChanged({ slug: "general" }))).held).toEqual([]);
    const ended = (reason: "deleted" | "signed-out") => ({ userId: "u", change: { kind: "ended" as const, reason } });
    expect((await heldAfter((p) => p.accessChanged(ended("deleted")))).held).toEqual([]);
    expect((await heldAfter((p) => p.accessChanged(ended("signed-out")))).held).toEqual(["p1", "p2", "lists"]);
    expect((await heldAfter((p) => p.profileChanged({ userId: "u" }))).held).toEqual([]);
    expect((await heldAfter((p) => p.reportChanged({ reportId: "r", openCount: 1 }))).held).toEqual(["p1", "p2", "lists"]);
    const { recorder } = await heldAfter((p) => {
      p.commentUpdated(comment);
      p.disconnectUser("u");
    });
    expect(recorder.calls.map((c) => c.event)).toEqual(["commentUpdated", "disconnectUser"]);
  });
});
