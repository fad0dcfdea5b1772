import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { shouldRetry } from "./queryClient";

describe("query retries", () => {
  it("never retries a client error", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(shouldRetry(0, new ApiError(status, {}))).toBe(false);
    }
  });

  it("retries a server or network error once", () => {
    expect(shouldRetry(0, new ApiError(503, {}))).toBe(true);
    expect(shouldRetry(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetry(1, new TypeError("Failed to fetch"))).toBe(false);
  });
});
