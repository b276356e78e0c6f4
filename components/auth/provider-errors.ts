/**
 * Sign-in page `error` codes that come from an identity provider sign-in (server/auth/
 * provider-signin.ts, or NextAuth's own OAuth errors), as keys of the `oidc.errors` catalogue;
 * null for any other code (the password form explains those).
 */
export function providerError(code: string | null | undefined): "EmailNotVerified" | "NoEmail" | "Banned" | "Failed" | null {
  switch (code) {
    case "ProviderEmailNotVerified":
      return "EmailNotVerified";
    case "ProviderNoEmail":
      return "NoEmail";
    case "ProviderBanned":
      return "Banned";
    case "OAuthSignin":
    case "OAuthCallback":
    case "OAuthCreateAccount":
    case "OAuthAccountNotLinked":
    case "Callback":
    case "AccessDenied":
      return "Failed";
    default:
      return null;
  }
}
