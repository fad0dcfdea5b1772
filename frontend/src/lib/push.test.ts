import { describe, expect, it } from "vitest";
import { keyBytes } from "./push";

describe("keyBytes", () => {
  it("decodes base64url without padding", () => {
    expect([...keyBytes("AQID_-8")]).toEqual([1, 2, 3, 255, 239]);
    expect(keyBytes("").length).toBe(0);
  });
});
