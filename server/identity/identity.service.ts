import type { PublicUser, Role, Viewer } from "../dto";
import { AppError, conflict, validation } from "../errors";
import { isUniqueViolation } from "../db/errors";
import type { SessionsService } from "../sessions/sessions.service";
import type { UsersService } from "../users/users.service";
import type { IdentityRepository } from "./identity.repository";
import { suggestUsername, usableUsername, type TProviderIdentity } from "./identity.schema";
import type { PendingSignupSeal } from "./pending";

/** A member signed in through a provider: what the session token carries. */
export interface ProviderSession {
  id: string;
  username: string;
  role: Role;
  sessionVersion: number;
  /** The Session row this sign-in created (method = the provider's id). */
  sid: string;
}

/** Why a provider sign-in was refused; each is `oidc.errors.<reason>` on the sign-in page. */
export type RefusalReason = "EmailNotVerified" | "NoEmail" | "Banned";

export type ProviderSignIn =
  | { kind: "signed-in"; session: ProviderSession }
  /** A newcomer whose provider name is taken or invalid: the welcome page asks for one. */
  | { kind: "choose-username"; pendingToken: string }
  | { kind: "refused"; reason: RefusalReason };

export interface IdentityDeps {
  repo: IdentityRepository;
  sessions: SessionsService;
  users: Pick<UsersService, "isAdminEmail">;
  pending: PendingSignupSeal;
}

const expired = () => new AppError("INVALID_TOKEN", "this sign-up has expired; sign in with your provider again");

/**
 * Sign-in through an identity provider. A known provider account signs its member in; a new
 * one is linked to an existing member only when the provider asserts a verified email equal
 * to theirs (an unverified match is refused, never linked); otherwise a member is created,
 * at once when the provider's username is usable, else after the welcome page. Every success
 * is a Session row like a password sign-in's, so every later check is the same.
 */
export function createIdentityService({ repo, sessions, users, pending }: IdentityDeps) {
  const roleFor = (identity: TProviderIdentity): Role =>
    identity.emailVerified && identity.email && users.isAdminEmail(identity.email) ? "ADMIN" : "MEMBER";

  async function start(access: Viewer, identity: TProviderIdentity, userAgent: string): Promise<ProviderSignIn> {
    if (access.ban) return { kind: "refused", reason: "Banned" };
    const sid = await sessions.create(access.id, userAgent, identity.provider);
    return {
      kind: "signed-in",
      session: { id: access.id, username: access.username, role: access.role, sessionVersion: access.sessionVersion, sid },
    };
  }

  async function create(identity: TProviderIdentity, username: string) {
    return repo.createWithAccount({
      identity,
      email: identity.email!,
      username,
      role: roleFor(identity),
      verified: identity.emailVerified,
    });
  }

  return {
    async signIn(identity: TProviderIdentity, userAgent: string): Promise<ProviderSignIn> {
      const linked = await repo.findByAccount(identity.provider, identity.providerAccountId);
      if (linked) return start(linked, identity, userAgent);
      // Every member has an address (mail, resets): a provider that shares none cannot make one.
      if (!identity.email) return { kind: "refused", reason: "NoEmail" };
      const owner = await repo.findByEmail(identity.email);
      if (owner) {
        // Linking on an address the provider did not verify would hand the account to whoever typed it there.
        if (!identity.emailVerified) return { kind: "refused", reason: "EmailNotVerified" };
        return start(await repo.link(owner.id, identity, roleFor(identity) === "ADMIN" ? "ADMIN" : undefined), identity, userAgent);
      }
      const username = usableUsername(identity.preferredUsername);
      if (username && !(await repo.usernameTaken(username))) {
        try {
          return start((await create(identity, username)).access, identity, userAgent);
        } catch (err) {
          // Taken between the check and the insert: the newcomer chooses, as for any taken name.
          if (!isUniqueViolation(err)) throw err;
        }
      }
      return { kind: "choose-username", pendingToken: await pending.seal(identity) };
    },

    /** What the welcome page shows for a pending sign-up, or null when there is none (or it expired). */
    async pendingSignup(token: string | undefined) {
      const identity = await pending.open(token);
      if (!identity) return null;
      return {
        provider: identity.provider,
        email: identity.email,
        suggestedUsername: suggestUsername(identity.preferredUsername, identity.email),
      };
    },

    /** The welcome page's submit: the member (no password), their provider account and a session. */
    async completeSignup(
      token: string | undefined,
      username: string,
      userAgent: string,
    ): Promise<{ user: PublicUser; session: ProviderSession }> {
      const identity = await pending.open(token);
      if (!identity?.email) throw expired();
      if (await repo.findByAccount(identity.provider, identity.providerAccountId)) throw expired();
      if (await repo.findByEmail(identity.email))
        throw conflict("email is already registered", [{ field: "email", message: "is already registered" }]);
      if (await repo.usernameTaken(username))
        throw conflict("username is already taken", [{ field: "username", message: "is already taken" }]);
      let created;
      try {
        created = await create(identity, username);
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict("username is already taken", [{ field: "username", message: "is already taken" }]);
        throw err;
      }
      const signed = await start(created.access, identity, userAgent);
      if (signed.kind !== "signed-in") throw validation([{ field: "username", message: "cannot be used" }]);
      return { user: created.user, session: signed.session };
    },
  };
}

export type IdentityService = ReturnType<typeof createIdentityService>;
