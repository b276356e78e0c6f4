import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "@/test/harness";

/**
 * Interface text lives in messages/<locale>.json. The `parley/no-literal-ui-text` rule in
 * eslint.config.mjs (run by `npm run lint`) fails a component that renders a literal instead;
 * here it is proven on small sources, so a rule that stops reporting fails a test.
 */
const eslint = new ESLint({ cwd: REPO_ROOT });

async function literals(code: string, filePath = "components/ui/Thing.tsx"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${REPO_ROOT}/${filePath}` });
  return result.messages.filter((m) => m.ruleId === "parley/no-literal-ui-text").map((m) => m.message);
}

describe("no literal interface text", () => {
  // The first lint loads the whole config (Next's and TypeScript's rules): slow on a busy machine.
  beforeAll(() => literals("export {};\n"), 120_000);

  it("reports JSX text with words, in components and pages", async () => {
    expect(await literals(`export const A = () => <p>Nothing here yet</p>;\n`)).toEqual([
      "interface text 'Nothing here yet' must come from the message catalogue (useTranslations / getTranslations)",
    ]);
    expect(await literals(`export default function P() { return <h1>还没有帖子</h1>; }\n`, "app/thing/page.tsx")).toHaveLength(1);
  });

  it("reports literals rendered as children, also through a condition", async () => {
    const code = `export const A = ({ busy }: { busy: boolean }) => <b>{busy ? "Saving…" : "Save"}{busy && "wait"}{\`\${1} posts\`}</b>;\n`;
    expect(await literals(code)).toHaveLength(4);
  });

  it("reports the attributes people read or hear", async () => {
    const code = [
      `export const A = () => (`,
      `  <div>`,
      `    <button aria-label="Close" title={"Close the panel"} />`,
      `    <input placeholder="Search…" />`,
      `    <img alt={\`A photo\`} src="/x.png" />`,
      `  </div>`,
      `);`,
      ``,
    ].join("\n");
    const found = await literals(code);
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(/^aria-label="Close"/);
  });

  it("lets catalogue text, symbols, numbers and non-text attributes through", async () => {
    const code = [
      `import { useTranslations } from "next-intl";`,
      `export function A({ n }: { n: number }) {`,
      `  const t = useTranslations("common");`,
      `  return (`,
      `    <p className="text-sm" data-testid="count" aria-label={t("language")} title={t("tagline")}>`,
      `      {t("rules")} · {n} → 99+ —`,
      `      {" "}`,
      `    </p>`,
      `  );`,
      `}`,
      ``,
    ].join("\n");
    expect(await literals(code)).toEqual([]);
  });

  it("holds only where interface code lives", async () => {
    expect(await literals(`export const A = () => <p>Plain words</p>;\n`, "e2e/fixture.tsx")).toEqual([]);
  });
});
