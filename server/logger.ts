import pino from "pino";
import { env } from "./env";

/** The root logger; each layer takes a named child (`logger.child({ layer: "http" })`). */
// People read a development terminal; machines read production logs (JSON lines).
const pretty = !env.production && process.stdout.isTTY;

export const logger = pino({
  level: env.LOG_LEVEL,
  ...(pretty && {
    transport: {
      target: "pino-pretty",
      options: { colorize: true, ignore: "pid,hostname,layer", messageFormat: "{if layer}[{layer}] {end}{msg}" },
    },
  }),
  base: { pid: process.pid },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "headers.cookie"], remove: true },
});

export function childLogger(layer: string) {
  return logger.child({ layer });
}
