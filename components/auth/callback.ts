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

/** NextAuth's sign-in error codes Parley explains; each is `auth.errors.<code>` in the catalogue. */
export const SIGNIN_ERRORS = ["CredentialsSignin", "Banned", "RateLimited", "SessionRequired"] as const;
export type SignInErrorKey = (typeof SIGNIN_ERRORS)[number] | "Other" | "Network";

/** The catalogue key explaining a sign-in error code, or null when there is none. */
export function signInError(code: string | null | undefined): SignInErrorKey | null {
  if (!code) return null;
  return (SIGNIN_ERRORS as readonly string[]).includes(code) ? (code as SignInErrorKey) : "Other";
}
