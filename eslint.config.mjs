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


/**
 * A local rule: interface text comes from the message catalogues (messages/<locale>.json through
 * next-intl), never from a literal in a component. It reports JSX text with letters, string
 * literals rendered as JSX children (also through `a ? "x" : "y"` and `a && "x"`), and literals
 * in the attributes people read or hear: aria-label, title, placeholder, alt and their kin.
 * Symbols, punctuation and numbers (·, →, 3) are not words and pass.
 */
const USER_FACING_ATTRIBUTES = new Set([
  "aria-label",
  "aria-description",
  "aria-placeholder",
  "aria-roledescription",
  "aria-valuetext",
  "title",
  "placeholder",
  "alt",
  "label",
]);
const hasWords = (text) => /\p{L}/u.test(text);
const noLiteralUiText = {
  meta: {
    type: "problem",
    messages: {
      text: "interface text '{{text}}' must come from the message catalogue (useTranslations / getTranslations)",
      attribute: "{{name}}=\"{{text}}\" must come from the message catalogue (useTranslations / getTranslations)",
    },
    schema: [],
  },
  create(context) {
    const show = (text) => (text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim());
    /** The literal text an expression would render, if it is (or branches into) a literal with words. */
    function literals(node) {
      if (!node) return [];
      if (node.type === "Literal" && typeof node.value === "string") return hasWords(node.value) ? [node] : [];
      if (node.type === "TemplateLiteral") return node.quasis.some((q) => hasWords(q.value.cooked ?? "")) ? [node] : [];
      if (node.type === "ConditionalExpression") return [...literals(node.consequent), ...literals(node.alternate)];
      if (node.type === "LogicalExpression") return literals(node.right).concat(node.operator === "&&" ? [] : literals(node.left));
      return [];
    }
    const textOf = (node) => (node.type === "Literal" ? String(node.value) : context.sourceCode.getText(node));
    return {
      JSXText(node) {
        if (hasWords(node.value)) context.report({ node, messageId: "text", data: { text: show(node.value) } });
      },
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent.type !== "JSXElement" && parent.type !== "JSXFragment") return;
        for (const lit of literals(node.expression)) context.report({ node: lit, messageId: "text", data: { text: show(textOf(lit)) } });
      },
      JSXAttribute(node) {
        const name = node.name.type === "JSXIdentifier" ? node.name.name : null;
        if (!name || !USER_FACING_ATTRIBUTES.has(name) || !node.value) return;
        const found =
          node.value.type === "Literal"
            ? hasWords(String(node.value.value)) ? [node.value] : []
            : node.value.type === "JSXExpressionContainer" ? literals(node.value.expression) : [];
        for (const lit of found) context.report({ node: lit, messageId: "attribute", data: { name, text: show(textOf(lit)) } });
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
    "bench/bare-next/.next/**",
    "bench/bare-next/next-env.d.ts",
  ]),
  {
    plugins: { parley: { rules: { "client-imports-types-only": clientImportsTypesOnly, "no-literal-ui-text": noLiteralUiText } } },
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
      // Interface text lives in messages/<locale>.json (README, "Languages").
      "parley/no-literal-ui-text": "error",
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
