import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Lint holds Parley's walls so nobody has to remember them:
 * - pages and components never reach the database, repositories or Prisma;
 * - only the data layer (server/db, *.repository.ts) and the composition root touch the
 *   Prisma client; services and handlers get repositories passed in;
 * - a "use client" module takes only types from server/ (no server code in the bundle).
 */
const DATA_LAYER = ["**/db/client", "**/db/generated/client", "**/db/generated/internal/*", "@prisma/client", "@prisma/adapter-pg", "pg"];

/** A local rule: in a "use client" module, imports from server/ must be `import type`. */
const clientImportsTypesOnly = {
  meta: {
    type: "problem",
    messages: { value: "a client module may import only types from server/ ('{{source}}'); server code must not reach the browser" },
    schema: [],
  },
  create(context) {
    const body = context.sourceCode.ast.body;
    const isClient = body.some((n) => n.type === "ExpressionStatement" && n.directive === "use client");
    if (!isClient) return {};
    const fromServer = (source) => /^@\/server\//.test(source) || /^(\.\.\/)+server\//.test(source);
    return {
      ImportDeclaration(node) {
        if (!fromServer(node.source.value) || node.importKind === "type") return;
        if (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) return;
        context.report({ node, messageId: "value", data: { source: node.source.value } });
      },
      ImportExpression(node) {
        if (node.source.type === "Literal" && fromServer(String(node.source.value)))
          context.report({ node, messageId: "value", data: { source: String(node.source.value) } });
      },
    };
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "server/db/generated/**",
    "test-results/**",
    "playwright-report/**",
    ".data/**",
    "next-env.d.ts",
  ]),
  {
    plugins: { parley: { rules: { "client-imports-types-only": clientImportsTypesOnly } } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
      "@typescript-eslint/no-explicit-any": "error",
      "parley/client-imports-types-only": "error",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/*.repository", "@/server/db/*", "@/server/db/**", ...DATA_LAYER],
              message: "pages and components reach data through services (getServices()), never repositories or Prisma",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**"],
    ignores: [
      "server/db/**",
      "server/**/*.repository.ts",
      "server/app.ts",
      "test/**",
      "bench/**",
      "server/cli/**",
      "**/*.test.ts",
    ],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: DATA_LAYER,
              allowTypeImports: true,
              message: "only repositories (and server/db) use the Prisma client; take a repository instead",
            },
          ],
        },
      ],
    },
  },
  {
    // React's hook rules are for React code; server helpers such as useServer() are not hooks.
    files: ["server/**", "e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Test support and tools talk HTTP, sockets and SQL directly, and tests may use `any` for JSON.
    files: ["test/**", "bench/**", "**/*.test.ts", "e2e/**"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
]);
