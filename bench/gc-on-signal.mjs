// Preloaded (`--import`) into every server the bench measures, with --expose-gc: SIGUSR2 runs
// a full garbage collection, so a memory reading counts what is live rather than what the
// collector has not yet reclaimed. Nothing in Parley itself uses SIGUSR2. The handler is set
// even without --expose-gc, so the signal never ends a server.
process.on("SIGUSR2", () => globalThis.gc?.());
