import { createHash, randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import type { PublicUser, Viewer } from "../dto";
import { AppError, unauthenticated, validation } from "../errors";
import type { RateLimiters } from "../http/rate-limit";
import type { MailService } from "../mail/mail.service";
import type { SessionsService } from "../sessions/sessions.service";
import { ARGON, type UsersService } from "../users/users.service";
import type { TRegisterInput } from "../users/users.schema";
import type { AccountsRepository, TokenKind } from "./accounts.repository";

export const VERIFY_TTL_MS = 24 * 3600_000;
export const RESET_TTL_MS = 3600_000;

/** 32 random bytes for the link; only their SHA-256 is stored, so the table cannot sign anyone in. */
const newToken = () => randomBytes(32).toString("base64url");
const digest = (token: string) => createHash("sha256").update(token).digest("hex");
const invalidToken = () => new AppError("INVALID_TOKEN", "this link is invalid, used or expired; ask for a new one");

export interface AccountsDeps {
  repo: AccountsRepository;
  users: UsersService;
  sessions: SessionsService;
  mail: MailService;
  limits: RateLimiters;
}

/**
 * Account upkeep: email verification, forgotten and changed passwords. Tokens travel only in
 * mail; every mail goes through the outbox (queued, never sent in the request).
 */
export function createAccountsService({ repo, users, sessions, mail, limits }: AccountsDeps) {
  async function issue(user: { id: string; email: string; username: string; locale: string | null }, kind: TokenKind) {
    const token = newToken();
    const ttl = kind === "VERIFY_EMAIL" ? VERIFY_TTL_MS : RESET_TTL_MS;
    await repo.createToken({ userId: user.id, kind, tokenHash: digest(token), email: user.email, expiresAt: new Date(Date.now() + ttl) });
    const page = kind === "VERIFY_EMAIL" ? "/verify-email" : "/reset-password";
    const link = mail.link(`${page}?token=${token}`);
    await mail.send(user.email, user.locale, { kind: kind === "VERIFY_EMAIL" ? "verifyEmail" : "resetPassword", username: user.username, link });
  }

  /** Whether a limit still has room; a flood is dropped quietly (the answer never changes). */
  async function within(name: "forgotPasswordIp" | "forgotPasswordEmail" | "verifyEmail", key: string) {
    try {
      await limits.consume(name, key);
      return true;
    } catch (err) {
      if (err instanceof Error && (err as AppError).code === "RATE_LIMITED") return false;
      throw err;
    }
  }

  return {
    /** Sign-up: the account (always MEMBER) and a mailed verification link. */
    async register(input: TRegisterInput): Promise<PublicUser> {
      const user = await users.register(input);
      await issue({ id: user.id, email: input.email, username: user.username, locale: null }, "VERIFY_EMAIL");
      return user;
    },

    /** A fresh verification link for the signed-in member (nothing when already verified). */
    async requestVerification(viewer: Viewer | null) {
      if (!viewer) throw unauthenticated();
      const account = await repo.findById(viewer.id);
      if (!account || account.emailVerifiedAt) return;
      if (!(await within("verifyEmail", account.id))) return;
      await issue(account, "VERIFY_EMAIL");
    },

    /** Uses a mailed verification link; ADMIN_EMAILS take effect here and only here. */
    async verifyEmail(token: string) {
      const used = await repo.useToken(digest(token), "VERIFY_EMAIL");
      if (!used) throw invalidToken();
      const ok = await repo.markVerified(used.userId, used.email, users.isAdminEmail(used.email) ? "ADMIN" : undefined);
      // The member changed their address since this link was mailed: it proves nothing now.
      if (!ok) throw invalidToken();
    },

    /** Mails a reset link when the address has an account; the caller answers 202 either way. */
    async forgotPassword(email: string, ip: string) {
      const address = email.trim().toLowerCase();
      if (!(await within("forgotPasswordIp", ip)) || !(await within("forgotPasswordEmail", address))) return;
      const account = await repo.findByEmail(address);
      if (!account) return;
      await issue(account, "RESET_PASSWORD");
    },

    /** A new password from a mailed reset link: every session of the account ends. */
    async resetPassword(token: string, password: string) {
      const used = await repo.useToken(digest(token), "RESET_PASSWORD");
      if (!used) throw invalidToken();
      const account = await repo.findById(used.userId);
      if (!account) throw invalidToken();
      await repo.setPasswordHash(account.id, await hash(password, ARGON));
      await repo.expireTokens(account.id, "RESET_PASSWORD");
      // Following the link proved the mailbox is theirs.
      if (!account.emailVerifiedAt && account.email === used.email)
        await repo.markVerified(account.id, used.email, users.isAdminEmail(used.email) ? "ADMIN" : undefined);
      await sessions.endAllBut(account.id, null, "password-changed");
    },

    /** Changes the password (the current one required): every other session ends. */
    async changePassword(viewer: Viewer | null, input: { currentPassword: string; newPassword: string }) {
      if (!viewer) throw unauthenticated();
      const current = await repo.passwordHash(viewer.id);
      // Members from an identity provider set their first password through a mailed reset link
      // (it proves the mailbox), not here, where a borrowed session alone would be enough.
      if (current === null)
        throw validation([{ field: "currentPassword", message: "this account has no password yet; set one with “Forgot password?”" }]);
      const ok = current !== null && (await verify(current, input.currentPassword).catch(() => false));
      if (!ok) throw validation([{ field: "currentPassword", message: "is not your current password" }]);
      await repo.setPasswordHash(viewer.id, await hash(input.newPassword, ARGON));
      await repo.expireTokens(viewer.id, "RESET_PASSWORD");
      await sessions.endAllBut(viewer.id, viewer.sessionId ?? null, "password-changed");
      const account = await repo.findById(viewer.id);
      if (account)
        await mail.send(account.email, account.locale, {
          kind: "passwordChanged",
          username: account.username,
          link: mail.link("/forgot-password"),
        });
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
