// Runs `prisma generate` online and offline alike.
// Every Prisma CLI command first tries to download the native schema engine; `generate`
// never uses it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets it
// complete on machines that cannot reach Prisma's binary host. A real engine path that
// is already configured is left alone.
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
env.CHECKPOINT_DISABLE = "1";

const cli = require.resolve("prisma/build/index.js");
const result = spawnSync(process.execPath, [cli, "generate"], { stdio: "inherit", env });
process.exit(result.status ?? 1);
