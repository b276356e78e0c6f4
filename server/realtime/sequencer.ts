/**
 * Puts each post's comment broadcasts back in seq order. Seqs commit in order, but the
 * requests that wrote them can finish in either order, and a reader that follows the contract
 * (`after=<last seq seen>`) must never see 19 before 18. A comment that arrives early waits
 * for its predecessor, at most `maxWaitMs` (the predecessor may have been written on another
 * node, whose broadcast reaches readers through the adapter, not through here).
 */
export function createSequencer<T>(emit: (item: T) => void, seqOf: (item: T) => number, { maxWaitMs = 250, idleMs = 60_000 } = {}) {
  interface Lane {
    last: number;
    held: Map<number, T>;
    timer?: NodeJS.Timeout;
    touched: number;
  }
  const lanes = new Map<string, Lane>();

  function drain(lane: Lane) {
    for (let next = lane.held.get(lane.last + 1); next !== undefined; next = lane.held.get(lane.last + 1)) {
      lane.held.delete(lane.last + 1);
      lane.last += 1;
      emit(next);
    }
  }

  /** Gives up waiting: emits what is held in seq order, skipping the holes. */
  function release(lane: Lane) {
    lane.timer = undefined;
    for (const seq of [...lane.held.keys()].sort((a, b) => a - b)) {
      emit(lane.held.get(seq)!);
      lane.held.delete(seq);
      lane.last = Math.max(lane.last, seq);
    }
  }

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, lane] of lanes) if (lane.held.size === 0 && now - lane.touched > idleMs) lanes.delete(key);
  }, idleMs);
  sweep.unref();

  return {
    push(key: string, item: T) {
      const seq = seqOf(item);
      let lane = lanes.get(key);
      if (!lane) lanes.set(key, (lane = { last: seq - 1, held: new Map(), touched: Date.now() }));
      lane.touched = Date.now();
      if (seq <= lane.last + 1) {
        // Next in line, or late after a give-up: out now.
        emit(item);
        lane.last = Math.max(lane.last, seq);
        drain(lane);
      } else {
        lane.held.set(seq, item);
        lane.timer ??= setTimeout(() => release(lane), maxWaitMs);
      }
      if (lane.held.size === 0 && lane.timer) {
        clearTimeout(lane.timer);
        lane.timer = undefined;
      }
    },
    stop() {
      clearInterval(sweep);
      for (const lane of lanes.values()) if (lane.timer) clearTimeout(lane.timer);
    },
  };
}
