/**
 * The TanStack Query client: one cache of server state for the whole SPA. Query keys
 * start with the resource (`["units", params]`), so that a write invalidates every list
 * and record of that resource at once (`invalidateQueries({ queryKey: ["units"] })`).
 */
import { QueryClient } from "@tanstack/react-query";
import { ApiError } from "./errors";

/** A 4xx will answer the same the second time: only network and server errors retry, once. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status < 500) return false;
  return failureCount < 1;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        // Shown data is refreshed when a page opens again, but not on every render burst.
        staleTime: 5_000,
        // Forms are seeded from their record once: a refetch on focus must not reset them.
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
