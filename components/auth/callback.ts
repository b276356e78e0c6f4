/**
 * Where to go after signing in: only a path on this site (never another origin, never back to
 * the auth pages). Absolute URLs are accepted when `origin` says they are ours.
 */
export function safeCallback(raw: string | null | undefined, origin?: string): string {
  if (!raw) return "/";
  try {
    const base = origin ?? "http://parley.invalid";
    const url = new URL(raw, base);
    if (url.origin !== base) return "/";
    if (!raw.startsWith("/") && !origin) return "/";
    if (url.pathname === "/signin" || url.pathname === "/register") return "/";
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return "/";
  }
}

export const SIGNIN_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  Banned: "This account is suspended.",
  RateLimited: "Too many sign-in attempts. Wait a minute, then try again.",
  SessionRequired: "Please sign in to continue.",
};

export function signInError(code: string | null | undefined): string | null {
  if (!code) return null;
  return SIGNIN_ERRORS[code] ?? "Signing in did not work. Please try again.";
}
