import type { Session } from "./session";

export const REFRESH_PATH = "/api/v1/auth/refresh";
const NO_REFRESH_PATHS = ["/api/v1/auth/login", REFRESH_PATH];
export const CONDOMINIUM_HEADER = "X-Condominium-Id";

/**
 * A `fetch` for the API client: adds the bearer token and the selected condominium,
 * and on a 401 refreshes the access token once with the refresh token and repeats the
 * request. When the refresh is refused the session expires (the app shows the login).
 */
export function createAuthFetch(session: Session, baseFetch: typeof fetch = fetch) {
  let refreshing: Promise<boolean> | null = null;

  async function refresh(requestUrl: string): Promise<boolean> {
    const token = session.refreshToken;
    if (!token) return false;
    const url = new URL(REFRESH_PATH, requestUrl).toString();
    try {
      const res = await baseFetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
      });
      if (!res.ok) return false;
      const body = (await res.json()) as { access_token?: string };
      if (!body.access_token) return false;
      session.setTokens(body.access_token);
      return true;
    } catch {
      return false;
    }
  }

  function withAuth(request: Request): Request {
    const headers = new Headers(request.headers);
    const token = session.accessToken;
    if (token && !headers.has("Authorization")) headers.set("Authorization", `Bearer ${token}`);
    const condominium = session.condominiumId;
    if (condominium !== null && !headers.has(CONDOMINIUM_HEADER)) {
      headers.set(CONDOMINIUM_HEADER, String(condominium));
    }
    return new Request(request, { headers });
  }

  return async function authFetch(input: Request): Promise<Response> {
    const path = new URL(input.url).pathname;
    const canRefresh = !NO_REFRESH_PATHS.includes(path);
    // Keep an untouched copy: a request body can be read only once.
    const spare = canRefresh ? input.clone() : null;
    const response = await baseFetch(withAuth(input));
    if (response.status !== 401 || !spare || !session.refreshToken) return response;

    // Several requests may fail at once: they share one refresh.
    refreshing ??= refresh(input.url).finally(() => {
      refreshing = null;
    });
    if (!(await refreshing)) {
      session.expire();
      return response;
    }
    return baseFetch(withAuth(spare));
  };
}
