import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/errors";
import type { Job } from "../api/jobs";
import { pollJob } from "./jobPoller";

function job(state: Job["state"], progress: number): Job {
  return { id: "j1", kind: "ingest_face_dataset", state, progress, created_at: "2026-11-23T00:00:00Z" };
}

describe("job polling", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks every interval until the job finishes, then stops", async () => {
    const answers = [job("queued", 0), job("started", 40), job("finished", 100)];
    const load = vi.fn(async () => answers.shift() ?? job("finished", 100));
    const seen: string[] = [];
    pollJob({ load, onUpdate: (j) => seen.push(`${j.state}:${j.progress}`), onError: () => {}, intervalMs: 700 });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual(["queued:0"]);
    await vi.advanceTimersByTimeAsync(699);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(["queued:0", "started:40"]);
    await vi.advanceTimersByTimeAsync(700);
    expect(seen).toEqual(["queued:0", "started:40", "finished:100"]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it("stops when the job fails", async () => {
    const load = vi.fn(async () => job("failed", 10));
    pollJob({ load, onUpdate: () => {}, onError: () => {} });
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("stops at once when cancelled (no update after that)", async () => {
    const load = vi.fn(async () => job("started", 10));
    const onUpdate = vi.fn();
    const stop = pollJob({ load, onUpdate, onError: () => {} });
    await vi.advanceTimersByTimeAsync(0);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(onUpdate).toHaveBeenCalledTimes(1);
  });

  it("gives up on a refused request but retries network failures a few times", async () => {
    const onError = vi.fn();
    pollJob({ load: async () => { throw new ApiError(404, { message: "job not found" }); }, onUpdate: () => {}, onError });
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).toHaveBeenCalledTimes(1);

    const flaky = vi.fn()
      .mockRejectedValueOnce(new TypeError("network"))
      .mockResolvedValueOnce(job("finished", 100));
    const onUpdate = vi.fn();
    const onError2 = vi.fn();
    pollJob({ load: flaky, onUpdate, onError: onError2, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(onError2).not.toHaveBeenCalled();
    expect(onUpdate).toHaveBeenCalledWith(job("finished", 100));

    const down = vi.fn(async () => { throw new TypeError("network"); });
    const onError3 = vi.fn();
    pollJob({ load: down, onUpdate: () => {}, onError: onError3, intervalMs: 10, maxFailures: 3 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(down).toHaveBeenCalledTimes(3);
    expect(onError3).toHaveBeenCalledTimes(1);
  });
});
