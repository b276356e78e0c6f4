import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/test/harness";

/**
 * The walls eslint.config.mjs holds, proven on small sources linted as if they lived at a
 * given path: a wall that stops reporting fails here, not in a review months later.
 */
const eslint = new ESLint({ cwd: REPO_ROOT });

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return result.messages.filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("lint boundaries", () => {
  it("refuse a repository or Prisma import in components/ and app/", async () => {
    const repo = await problems(
      "components/posts/Sneaky.tsx",
      `import { createPostsRepository } from "@/server/posts/posts.repository";\nexport const x = createPostsRepository;\n`,
    );
    expect(repo.join("\n")).toMatch(/no-restricted-imports.*never repositories or Prisma/);
    const prisma = await problems("app/sneaky/page.tsx", `import { createDb } from "@/server/db/client";\nexport const x = createDb;\n`);
    expect(prisma.join("\n")).toMatch(/no-restricted-imports/);
  });

  it("let only the data layer use the Prisma client", async () => {
    const code = `import { createDb } from "../db/client";\nexport const x = createDb;\n`;
    expect((await problems("server/posts/posts.service.ts", code)).join("\n")).toMatch(/only repositories/);
    expect(await problems("server/posts/posts.repository.ts", code)).toEqual([]);
    const typeOnly = `import type { Db } from "../db/client";\nexport type X = Db;\n`;
    expect(await problems("server/posts/posts.service.ts", typeOnly)).toEqual([]);
  });

  it("let a client component take only types from server/", async () => {
    const value = `"use client";\nimport { isStaff } from "@/server/dto";\nexport const x = isStaff;\n`;
    expect((await problems("components/ui/Thing.tsx", value)).join("\n")).toMatch(/client-imports-types-only/);
    const types = `"use client";\nimport type { Post } from "@/server/dto";\nexport type X = Post;\n`;
    expect(await problems("components/ui/Thing.tsx", types)).toEqual([]);
    // A server component may use server code.
    const server = `import { isStaff } from "@/server/dto";\nexport const x = isStaff;\n`;
    expect(await problems("components/ui/Thing.tsx", server)).toEqual([]);
  });
});
