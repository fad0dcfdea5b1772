import { describe, expect, it } from "vitest";
import { ApiError, formatApiError, type Translate } from "./errors";

// A `t` that shows which key and values were asked for.
const t: Translate = (key, options) => (options ? `${key} ${JSON.stringify(options)}` : key);

describe("ApiError", () => {
  it("reads request validation errors (errors.json.<field>)", () => {
    const error = new ApiError(422, {
      code: 422, status: "Unprocessable Entity", message: "The request was invalid.",
      errors: { json: { code: ["Missing data for required field."], floor: ["Not a valid integer."] } },
    });
    expect(error.fieldErrors).toEqual({
      code: ["Missing data for required field."], floor: ["Not a valid integer."],
    });
  });

  it("reads business-rule errors (errors.json.<field>)", () => {
    const error = new ApiError(422, {
      message: "invalid RUT", errors: { json: { doc_number: ["RUT check digit does not match"] } },
    });
    expect(error.fieldErrors).toEqual({ doc_number: ["RUT check digit does not match"] });
  });

  it("flattens nested messages (lists of objects) into strings", () => {
    const error = new ApiError(422, { errors: { json: { roles: { 0: ["Must be one of: admin."] } } } });
    expect(error.fieldErrors).toEqual({ roles: ["Must be one of: admin."] });
  });

  it("reads CSV row errors (errors.files.rows.<line>.<field>)", () => {
    const error = new ApiError(422, {
      message: "2 row(s) have errors; nothing was imported",
      errors: { files: { rows: { "3": { code: ["duplicate"] }, "7": { floor: ["not a number"] } } } },
    });
    expect(error.rowErrors).toEqual({ "3": { code: ["duplicate"] }, "7": { floor: ["not a number"] } });
    expect(error.fieldErrors).toEqual({});
  });

  it("survives bodies that are not JSON objects", () => {
    const error = new ApiError(502, "Bad Gateway");
    expect(error.fieldErrors).toEqual({});
    expect(error.detail).toBeNull();
    expect(error.message).toBe("HTTP 502");
  });
});

describe("formatApiError", () => {
  it("says how long to wait after too many logins (429 + Retry-After)", () => {
    const error = new ApiError(429, { message: "too many attempts" }, "42");
    expect(formatApiError(error, t, "login")).toBe('errors.rateLimited {"seconds":42}');
  });

  it("copes with a 429 without Retry-After", () => {
    expect(formatApiError(new ApiError(429, {}), t)).toBe("errors.rateLimitedNoDelay");
  });

  it("tells wrong credentials from an expired session", () => {
    const error = new ApiError(401, { message: "invalid email or password" });
    expect(formatApiError(error, t, "login")).toBe("errors.invalidCredentials");
    expect(formatApiError(error, t)).toBe("errors.unauthorized");
  });

  it("points at the fields for a 422 with field errors", () => {
    const error = new ApiError(422, { message: "invalid", errors: { json: { code: ["x"] } } });
    expect(formatApiError(error, t)).toBe("errors.validation");
  });

  it("adds the server's explanation to conflicts and field-less 422s", () => {
    expect(formatApiError(new ApiError(409, { message: "a unit with this code already exists" }), t))
      .toBe("errors.conflict (a unit with this code already exists)");
    expect(formatApiError(new ApiError(422, { message: "you cannot remove your own admin role" }), t))
      .toBe("errors.validation (you cannot remove your own admin role)");
  });

  it("maps other statuses to a translated message", () => {
    expect(formatApiError(new ApiError(403, {}), t)).toBe("errors.forbidden");
    expect(formatApiError(new ApiError(404, {}), t)).toBe("errors.notFound");
    expect(formatApiError(new ApiError(413, {}), t)).toBe("errors.tooLarge");
    expect(formatApiError(new ApiError(500, {}), t)).toBe("errors.server");
    expect(formatApiError(new ApiError(418, { message: "teapot" }), t)).toBe('errors.generic {"status":418} (teapot)');
  });

  it("treats anything else as a network failure", () => {
    expect(formatApiError(new TypeError("Failed to fetch"), t)).toBe("errors.network");
  });
});
