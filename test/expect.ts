import { expect } from "vitest";
import type { ApiResponse } from "./client";

/** Signs of a leaked stack trace or internal error text in a response body. */
const LEAK = /\n\s+at |at [\w$.<>]+ \(|node_modules|\/server\/|PrismaClient|Invalid `prisma|SQLSTATE/;

/** Asserts the contract's one error shape, its status, and that the request id matches the header. */
export function expectError(res: ApiResponse, status: number, code: string): void {
  expect({ status: res.status, code: res.json?.error?.code }, res.text).toEqual({ status, code });
  const requestId = res.headers.get("x-request-id");
  expect(requestId).toBeTruthy();
  expect(res.json.error.requestId).toBe(requestId);
  expect(typeof res.json.error.message).toBe("string");
  expect(Object.keys(res.json)).toEqual(["error"]);
  expect(res.text).not.toMatch(LEAK);
  expect(res.json.error.stack).toBeUndefined();
}

/** Asserts a VALIDATION_FAILED error naming each of `fields` in its details. */
export function expectValidation(res: ApiResponse, ...fields: string[]): void {
  expectError(res, 400, "VALIDATION_FAILED");
  const named = (res.json.error.details as { field: string; message: string }[]).map((d) => d.field);
  for (const f of fields) expect(named, `details should name ${f}`).toContain(f);
}

/** Asserts a success status and a request id header (every response carries one). */
export function expectOk(res: ApiResponse, status = 200): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get("x-request-id")).toBeTruthy();
}
