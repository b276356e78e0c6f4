import { describe, expect, it } from "vitest";
import { createRateLimiters } from "@/server/http/rate-limit";
import { useServices } from "@/test/services";
import { isAppError } from "@/server/errors";
import type { Viewer } from "@/server/dto";

/** The real services over the test database, with EMAIL_VERIFICATION=required and unscaled limits. */
const { services, db } = useServices(() => ({ limits: createRateLimiters(1), verification: "required" }));

let n = 0;
async function member(verified: boolean): Promise<Viewer> {
  const username = `acct_${process.pid}_${Date.now().toString(36)}_${n++}`;
  const user = await services.users.createAccount({
    email: `${username}@accounts.parley.test`,
    username,
    password: "correct horse battery",
    role: "MEMBER",
    verified,
  });
  const access = await services.users.findAccess(user.id);
  return access!;
}

async function refusal(p: Promise<unknown>) {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return { code: err.code, message: err.message };
    throw err;
  }
  return null;
}

const outboxCount = async (to: string) => (await db.mailOutbox.count({ where: { to } })) as number;

describe("EMAIL_VERIFICATION=required", () => {
  it("keeps an unverified member from posting, commenting and reacting, with a message that says why", async () => {
    const unverified = await member(false);
    const verified = await member(true);
    const { post } = await services.posts.create(verified, { categorySlug: "general", title: "Verified post", body: "hello" });

    const refusals = await Promise.all([
      refusal(services.posts.create(unverified, { categorySlug: "general", title: "Nope", body: "x" })),
      refusal(services.comments.create(unverified, post.id, { body: "nope" })),
      refusal(services.reactions.set(unverified, "post", post.id, "LIKE")),
    ]);
    for (const r of refusals) expect(r).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/verify your email/) });

    expect(await refusal(services.comments.create(verified, post.id, { body: "fine" }))).toBeNull();
    expect(await refusal(services.reactions.set(verified, "post", post.id, "LIKE"))).toBeNull();
  });
});

describe("forgot-password floods", () => {
  it("per address: after 3 in an hour no more mail is queued (the answer does not change)", async () => {
    const m = await member(true);
    for (let i = 0; i < 5; i++) await services.accounts.forgotPassword(m.email, `10.0.0.${i}`);
    expect(await outboxCount(m.email)).toBe(3);
  });

  it("per client address: after 20 in an hour no more mail is queued", async () => {
    const members = await Promise.all(Array.from({ length: 22 }, () => member(true)));
    const ip = `10.9.${process.pid % 250}.${n % 250}`;
    for (const m of members) await services.accounts.forgotPassword(m.email, ip);
    const counts = await Promise.all(members.map((m) => outboxCount(m.email)));
    expect(counts.filter((c) => c === 1)).toHaveLength(20);
  });
});
