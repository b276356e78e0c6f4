// oidc-provider (a test-only devDependency) ships no TypeScript types; test/oidc-provider.ts
// uses its constructor, `use` (Koa middleware) and `callback()` only.
declare module "oidc-provider" {
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>);
    use(middleware: (ctx: any, next: () => Promise<void>) => Promise<void>): void;
    callback(): (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void;
  }
}
