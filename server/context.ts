import type { Services } from "./services";

/**
 * Next bundles route handlers and pages separately from the custom server, so they cannot
 * share module instances with it. The server builds the services once and hangs them on a
 * global symbol; everything Next runs reaches them through getServices().
 */
const KEY = Symbol.for("parley.services");
type Holder = { [KEY]?: Services };

export function setServices(services: Services | undefined): void {
  (globalThis as Holder)[KEY] = services;
}

export function getServices(): Services {
  const s = (globalThis as Holder)[KEY];
  if (!s) throw new Error("Parley services are not initialised: start Parley through server/index.ts");
  return s;
}
