import { createRouter } from "@/server/http/router";
import { OPERATIONS } from "@/server/http/operations";

// Every /api operation Parley declares (server/**/*.operations.ts), routed in one place; an
// unknown one answers 404 in the contract's error shape. NextAuth keeps /api/auth/*.
export const { GET, POST, PUT, PATCH, DELETE } = createRouter(OPERATIONS);
