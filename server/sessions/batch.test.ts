import { describe, expect, it } from "vitest";
import { batchLookups } from "./batch";

describe("batched lookups", () => {
  it("answer lookups made together with one call, each its own value, and pass a failure to each", async () => {
    const calls: string[][] = [];
    const find = batchLookups(async (keys: string[]) => {
      calls.push(keys);
      if (keys.includes("boom")) throw new Error("down");
      return new Map(keys.filter((k) => k !== "missing").map((k) => [k, k.toUpperCase()]));
    }, 2);
    expect(await Promise.all([find("a"), find("b"), find("a"), find("missing")])).toEqual(["A", "B", "A", undefined]);
    expect(calls).toEqual([["a", "b"], ["missing"]]);
    await expect(find("boom")).rejects.toThrow("down");
    // Lookups made later are a new call: nothing is kept between turns.
    expect(await find("a")).toBe("A");
    expect(calls).toHaveLength(4);
  });
});
