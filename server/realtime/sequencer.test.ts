import { afterEach, describe, expect, it, vi } from "vitest";
import { createSequencer } from "./sequencer";

const setup = (maxWaitMs = 50) => {
  const out: number[] = [];
  const seq = createSequencer<number>(
    (n) => out.push(n),
    (n) => n,
    { maxWaitMs },
  );
  return { out, push: (n: number) => seq.push("post", n), stop: seq.stop };
};

describe("comment broadcast sequencer", () => {
  afterEach(() => vi.useRealTimers());

  it("passes comments through when they come in order", () => {
    const { out, push, stop } = setup();
    for (const n of [1, 2, 3]) push(n);
    expect(out).toEqual([1, 2, 3]);
    stop();
  });

  it("holds an early comment until its predecessor arrives", () => {
    const { out, push, stop } = setup();
    push(17);
    push(19);
    expect(out).toEqual([17]);
    push(18);
    expect(out).toEqual([17, 18, 19]);
    stop();
  });

  it("gives up waiting after maxWaitMs and keeps order among what it held", () => {
    // The wait itself is under test: fake timers step the clock exactly to maxWaitMs.
    vi.useFakeTimers();
    const { out, push, stop } = setup(30);
    push(1);
    push(4);
    push(3);
    expect(out).toEqual([1]);
    vi.advanceTimersByTime(29);
    expect(out).toEqual([1]);
    vi.advanceTimersByTime(1);
    expect(out).toEqual([1, 3, 4]);
    // The missing one turns up late: it is not swallowed.
    push(2);
    expect(out).toEqual([1, 3, 4, 2]);
    push(5);
    expect(out).toEqual([1, 3, 4, 2, 5]);
    stop();
  });

  it("keeps posts apart", () => {
    const out: string[] = [];
    const seq = createSequencer<{ p: string; s: number }>(
      (c) => out.push(`${c.p}${c.s}`),
      (c) => c.s,
      { maxWaitMs: 1000 },
    );
    seq.push("a", { p: "a", s: 1 });
    seq.push("b", { p: "b", s: 7 });
    seq.push("a", { p: "a", s: 3 });
    seq.push("a", { p: "a", s: 2 });
    expect(out).toEqual(["a1", "b7", "a2", "a3"]);
    seq.stop();
  });
});
