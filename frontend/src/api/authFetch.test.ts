import { describe, expect, it, vi } from "vitest";
import { createAuthFetch } from "./authFetch";
import { parsePagination } from "./pagination";
import { MemoryStore, Session } from "./session";

const BASE = "http://app.test";

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json", ...headers } });
}

function setup(tokens: { access?: string; refresh?: string; condominium?: number } = {}) {
  const session = new Session(new MemoryStore());
  if (tokens.access) session.setTokens(tokens.access, tokens.refresh);
  if (tokens.condominium) session.setCondominium(tokens.condominium);
  const expired = vi.fn();
  session.onExpired(expired);
  const calls: { url: string; auth: string | null; condominium: string | null; body: string | null }[] = [];
  const replies: Response[] = [];
  const baseFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push({
      url: new URL(request.url).pathname,
      auth: request.headers.get("Authorization"),
      condominium: request.headers.get("X-Condominium-Id"),
      body: request.body ? await request.text() : null,
    });
    const reply = replies.shift();
    if (!reply) throw new Error("no reply queued");
    return reply;
  });
  const authFetch = createAuthFetch(session, baseFetch as typeof fetch);
  return { session, expired, calls, replies, authFetch };
}

describe("authFetch", () => {
  it("sends the bearer token and the selected condominium", async () => {
    const { authFetch, replies, calls } = setup({ access: "A1", refresh: "R1", condominium: 3 });
    replies.push(json(200, []));
    const res = await authFetch(new Request(`${BASE}/api/v1/units`));
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ url: "/api/v1/units", auth: "Bearer A1", condominium: "3", body: null }]);
  });

  it("refreshes once on 401 and repeats the request with its body", async () => {
    const { authFetch, replies, calls, session, expired } = setup({ access: "old", refresh: "R1" });
    replies.push(json(401, { message: "the token has expired" }));
    replies.push(json(200, { access_token: "new", expires_in: 900, token_type: "bearer" }));
    replies.push(json(201, { id: 1 }));
    const res = await authFetch(new Request(`${BASE}/api/v1/units`, {
      method: "POST", body: JSON.stringify({ code: "A-1" }), headers: { "Content-Type": "application/json" },
    }));
    expect(res.status).toBe(201);
    expect(calls.map((c) => [c.url, c.auth])).toEqual([
      ["/api/v1/units", "Bearer old"],
      ["/api/v1/auth/refresh", "Bearer R1"],
      ["/api/v1/units", "Bearer new"],
    ]);
    expect(calls[2].body).toBe('{"code":"A-1"}');
    expect(session.accessToken).toBe("new");
    expect(session.refreshToken).toBe("R1");
    expect(expired).not.toHaveBeenCalled();
  });

  it("logs out when the refresh is refused", async () => {
    const { authFetch, replies, session, expired } = setup({ access: "old", refresh: "revoked" });
    replies.push(json(401, { message: "the token has expired" }));
    replies.push(json(401, { message: "the session was logged out" }));
    const res = await authFetch(new Request(`${BASE}/api/v1/people`));
    expect(res.status).toBe(401);
    expect(expired).toHaveBeenCalledOnce();
    expect(session.accessToken).toBeNull();
    expect(session.refreshToken).toBeNull();
  });

  it("does not refresh on a failed login", async () => {
    const { authFetch, replies, calls, expired } = setup({ access: "A", refresh: "R" });
    replies.push(json(401, { message: "invalid email or password" }));
    const res = await authFetch(new Request(`${BASE}/api/v1/auth/login`, { method: "POST", body: "{}" }));
    expect(res.status).toBe(401);
    expect(calls).toHaveLength(1);
    expect(expired).not.toHaveBeenCalled();
  });

  it("shares one refresh between requests that fail together", async () => {
    const { authFetch, replies, calls } = setup({ access: "old", refresh: "R" });
    replies.push(json(401, {}), json(401, {}));
    replies.push(json(200, { access_token: "new", expires_in: 900, token_type: "bearer" }));
    replies.push(json(200, []), json(200, []));
    const [a, b] = await Promise.all([
      authFetch(new Request(`${BASE}/api/v1/units`)),
      authFetch(new Request(`${BASE}/api/v1/people`)),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(calls.filter((c) => c.url === "/api/v1/auth/refresh")).toHaveLength(1);
  });
});

describe("parsePagination", () => {
  it("reads the X-Pagination header", () => {
    const header = JSON.stringify({ total: 45, total_pages: 3, first_page: 1, last_page: 3, page: 2,
      previous_page: 1, next_page: 3 });
    expect(parsePagination(header)).toMatchObject({ total: 45, total_pages: 3, page: 2, next_page: 3 });
  });

  it("falls back to the items on the page without a header", () => {
    expect(parsePagination(null, 4)).toEqual({ total: 4, total_pages: 1, page: 1 });
    expect(parsePagination("not json", 0)).toEqual({ total: 0, total_pages: 0, page: 1 });
  });
});
