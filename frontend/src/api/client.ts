import createClient from "openapi-fetch";
import type { components, paths } from "./gen/schema";
import { createAuthFetch } from "./authFetch";
import { ApiError } from "./errors";
import { parsePagination, type ListResult } from "./pagination";
import { Session } from "./session";

export type Schemas = components["schemas"];

export const session = new Session();

/** The typed client: paths and bodies come from the OpenAPI document (npm run gen:api). */
export const api = createClient<paths>({
  baseUrl: typeof window !== "undefined" ? window.location.origin : "http://localhost",
  fetch: createAuthFetch(session, (...args) => globalThis.fetch(...args)),
  headers: { Accept: "application/json" },
});

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The body of a successful call, or an `ApiError` thrown with the server's answer. */
export function unwrap<T>(result: FetchResult<T>): T {
  const { response } = result;
  if (!response.ok) {
    throw new ApiError(response.status, result.error, response.headers.get("Retry-After"));
  }
  return result.data as T;
}

/** A list call's items plus its `X-Pagination` header. */
export function unwrapList<T>(result: FetchResult<T[]>): ListResult<T> {
  const items = unwrap(result) ?? [];
  return {
    items,
    pagination: parsePagination(result.response.headers.get("X-Pagination"), items.length),
  };
}
