import os from "node:os";
import path from "node:path";
import { createLocalStorage } from "@/server/storage";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../server/db/client";
import { createServices, type ServiceDeps } from "../server/services";
import { createMemoryPresence } from "../server/presence/presence";
import { createRateLimiters } from "../server/http/rate-limit";
import type { Publisher } from "../server/realtime/publisher";
import type { Viewer } from "../server/dto";

export type Published = { [E in keyof Publisher]: { event: E; args: Parameters<Publisher[E]> } }[keyof Publisher];

/** A Publisher that remembers every call, in order: what a service announced after commit. */
export function recordingPublisher() {
  const calls: Published[] = [];
  const record =
    <E extends keyof Publisher>(event: E) =>
    (...args: Parameters<Publisher[E]>) =>
      void calls.push({ event, args } as Published);
  const publisher: Publisher = {
    postCreated: record("postCreated"),
    postUpdated: record("postUpdated"),
    postDeleted: record("postDeleted"),
    postActivity: record("postActivity"),
    commentCreated: record("commentCreated"),
    commentUpdated: record("commentUpdated"),
    commentDeleted: record("commentDeleted"),
    notify: record("notify"),
    reportChanged: record("reportChanged"),
    disconnectUser: record("disconnectUser"),
    accessChanged: record("accessChanged"),
    categoryChanged: record("categoryChanged"),
    profileChanged: record("profileChanged"),
  };
  return {
    publisher,
    calls,
    /** The calls of one kind, payloads typed. */
    of<E extends keyof Publisher>(event: E): Parameters<Publisher[E]>[] {
      return calls.filter((c) => c.event === event).map((c) => c.args as Parameters<Publisher[E]>);
    },
    clear: () => void calls.splice(0),
  };
}

/**
 * The real services over the run's shared database, publishing into a recording publisher:
 * fast tests of a service's answer and of exactly what it announced, without HTTP or sockets.
 * `overrides` replaces any of the defaults (limits, verification, an access cache over `db`…).
 */
export function useServices(overrides: (db: Db) => Partial<ServiceDeps> = () => ({})) {
  const db = createDb(inject("databaseUrl"), 4);
  const recorder = recordingPublisher();
  const services = createServices({
    db,
    adminEmails: new Set(),
    publisher: recorder.publisher,
    presence: createMemoryPresence(),
    limits: createRateLimiters(1000),
    eventsPerMinute: async () => 0,
    storage: createLocalStorage(path.join(os.tmpdir(), "parley-test-uploads")),
    ...overrides(db),
  });
  afterAll(() => db.$disconnect());
  let n = 0;
  /** A new member (or staff) as a Viewer, created through the users service. */
  async function viewer(role: Viewer["role"] = "MEMBER"): Promise<Viewer> {
    const username = `svc_${process.pid}_${Date.now().toString(36)}_${n++}`;
    const user = await services.users.createAccount({
      email: `${username}@parley.test`,
      username,
      password: "correct horse battery",
      role,
    });
    return { id: user.id, username: user.username, avatarUrl: null, avatarKey: null, bio: "", role: user.role, sessionVersion: 0, locale: null, email: `${username}@parley.test`, emailVerified: false, hasPassword: true, ban: null };
  }
  return { services, recorder, viewer, db };
}
