import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/server/auth/options";
import { guardAuthPost } from "@/server/auth/signin-guard";

const handler = NextAuth(authOptions);

/** Bodies capped and sign-in attempts counted before NextAuth runs (server/auth/signin-guard.ts). */
async function POST(req: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  const guarded = await guardAuthPost(req);
  if (guarded instanceof Response) return guarded;
  return handler(guarded, context);
}

export { handler as GET, POST };
