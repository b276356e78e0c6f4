import pino from "pino";
import { env } from "./env";

/** The root logger; each layer takes a named child (`logger.child({ layer: "http" })`). */
export const logger = pino({
  level: env.LOG_LEVEL,
  base: { pid: process.pid },
  redact: { paths: ["password", "*.password", "passwordHash", "*.passwordHash", "headers.cookie"], remove: true },
});

export function childLogger(layer: string) {
  return logger.child({ layer });
}
