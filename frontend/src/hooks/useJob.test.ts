import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import type { Job } from "../api/jobs";
import { nextPoll } from "./useJob";

const job = (state: Job["state"]) => ({ id: "j1", state } as Job);

describe("job polling", () => {
  it("asks again while the job is queued or running", () => {
    expect(nextPoll({ error: null }, 700)).toBe(700);
    expect(nextPoll({ data: job("queued"), error: null }, 700)).toBe(700);
    expect(nextPoll({ data: job("started"), error: null }, 700)).toBe(700);
  });

  it("stops once the job finished or failed", () => {
    expect(nextPoll({ data: job("finished"), error: null }, 700)).toBe(false);
    expect(nextPoll({ data: job("failed"), error: null }, 700)).toBe(false);
  });

  it("keeps trying through network and server errors, not after a refusal", () => {
    expect(nextPoll({ data: job("started"), error: new TypeError("Failed to fetch") }, 700)).toBe(700);
    expect(nextPoll({ error: new ApiError(503, {}) }, 700)).toBe(700);
    expect(nextPoll({ error: new ApiError(404, {}) }, 700)).toBe(false);
    expect(nextPoll({ error: new ApiError(403, {}) }, 700)).toBe(false);
  });
});
