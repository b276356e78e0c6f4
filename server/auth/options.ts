import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { getServices } from "../context";
import { ZCredentials } from "../users/users.schema";
import { identityProviders } from "./providers";
import { providerSignIn } from "./provider-signin";
import { SESSION_MAX_AGE_S } from "./session-cookie";

declare module "next-auth" {
  interface Session {
    user: { id: string; username: string; role: "MEMBER" | "MODERATOR" | "ADMIN" };
  }
  interface User {
    username: string;
    role: "MEMBER" | "MODERATOR" | "ADMIN";
    sessionVersion: number;
    /** The Session row this sign-in created. */
    sid: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    username?: string;
    role?: "MEMBER" | "MODERATOR" | "ADMIN";
    /** The user's session version when this session was issued. */
    sv?: number;
    /** The sign-in session (server/sessions): deleting its row ends this token everywhere. */
    sid?: string;
  }
}

export const authOptions: NextAuthOptions = {
  secret: env.secret,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  useSecureCookies: env.secureCookies,
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      // Attempts are counted, per address and per account, before NextAuth runs: signin-guard.ts.
      async authorize(credentials, req) {
        const services = getServices();
        const parsed = ZCredentials.safeParse(credentials);
        if (!parsed.success) return null;
        const user = await services.users.verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) return null;
        // Only the right password reaches this, so saying "banned" reveals nothing new.
        if (user.ban) throw new Error("Banned");
        const sid = await services.sessions.create(user.id, String(req?.headers?.["user-agent"] ?? ""), "password");
        return { id: user.id, name: user.username, username: user.username, role: user.role, sessionVersion: user.sessionVersion, sid };
      },
    }),
    // OIDC_* and GITHUB_*: present only when configured (server/auth/providers.ts).
    ...identityProviders(env),
  ],
  events: {
    // NextAuth's sign-out (POST /api/auth/signout): the session ends on the server, not only in
    // this browser: its cookie is refused afterwards and its sockets close, on every node.
    async signOut({ token }) {
      const sid = (token as { sid?: unknown } | null)?.sid;
      if (typeof sid === "string") await getServices().sessions.signOut(sid);
    },
  },
  callbacks: {
    // Credentials were decided in authorize(); a provider's identity is decided here (linking,
    // a new member, or the welcome page): provider-signin.ts.
    async signIn({ user, account, profile }) {
      if (!account || account.type !== "oauth") return true;
      return providerSignIn(user, account.provider, profile);
    },
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.username = user.username;
        token.role = user.role;
        token.sv = user.sessionVersion;
        token.sid = user.sid;
        return token;
      }
      // NextAuth's own session endpoint: a session ended elsewhere clears the cookie here too
      // (NextAuth answers {} and expires the cookie when this throws).
      if (!token.sid || !(await getServices().sessions.isLive(token.sid))) throw new Error("SessionEnded");
      return token;
    },
    async session({ session, token }) {
      session.user = { id: token.sub!, username: token.username!, role: token.role! };
      return session;
    },
  },
};
