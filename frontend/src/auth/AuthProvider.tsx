import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { auth, type Me } from "../api/auth";
import { session } from "../api/client";
import { ApiError } from "../api/errors";

type Status = "loading" | "anonymous" | "authenticated";

interface AuthContextValue {
  status: Status;
  me: Me | null;
  /** What the user may do in the current condominium (see auth/permissions). */
  capabilities: readonly string[];
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  switchCondominium(id: number): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

/** The `me` query: the signed-in user's profile and capabilities. */
export const ME_KEY = ["me"] as const;
const NO_CAPABILITIES: readonly string[] = [];

/** The profile, or null when the session is gone; remembers its condominium. */
async function loadMe(): Promise<Me | null> {
  try {
    const profile = await auth.me();
    session.setCondominium(profile.condominium.id ?? null);
    return profile;
  } catch (error) {
    // The remembered condominium is no longer one of this user's: use their default.
    if (error instanceof ApiError && error.status === 404 && session.condominiumId !== null) {
      session.setCondominium(null);
      return loadMe();
    }
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      session.clear();
      return null;
    }
    throw error;
  }
}

const hasTokens = () => Boolean(session.accessToken || session.refreshToken);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [signedIn, setSignedIn] = useState(hasTokens);
  const meQuery = useQuery({
    queryKey: ME_KEY, queryFn: loadMe, enabled: signedIn, staleTime: Infinity,
  });
  const me = signedIn ? meQuery.data ?? null : null;
  // Without tokens, or when the profile cannot be read at all: the login page.
  const status: Status = !signedIn || meQuery.isError || meQuery.data === null
    ? "anonymous" : meQuery.isPending ? "loading" : "authenticated";

  /** Forget everything the previous user (or condominium) loaded. */
  const forget = useCallback(() => {
    queryClient.removeQueries();
  }, [queryClient]);

  // The API wrapper could not refresh the token: back to the login page.
  useEffect(() => session.onExpired(() => {
    setSignedIn(false);
    forget();
  }), [forget]);

  const login = useCallback(async (email: string, password: string) => {
    const preferred = session.condominiumId;
    session.clear();
    session.setCondominium(null); // the login picks the user's default condominium
    const tokens = await auth.login(email, password);
    session.setTokens(tokens.access_token, tokens.refresh_token);
    forget();
    let profile: Me = tokens.user;
    session.setCondominium(profile.condominium.id ?? null);
    const other = preferred !== null && preferred !== profile.condominium.id &&
      profile.condominiums.some((c) => c.id === preferred);
    if (other) {
      session.setCondominium(preferred);
      profile = (await loadMe()) ?? profile;
    }
    queryClient.setQueryData(ME_KEY, profile);
    setSignedIn(true);
    return profile;
  }, [forget, queryClient]);

  const logout = useCallback(async () => {
    try {
      if (session.accessToken) await auth.logout();
    } catch {
      /* the token may already be invalid: forget it anyway */
    }
    session.clear();
    setSignedIn(false);
    forget();
  }, [forget]);

  const switchCondominium = useCallback(async (id: number) => {
    session.setCondominium(id);
    // Every cached answer belongs to the previous condominium; the profile is read again.
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
    await queryClient.fetchQuery({ queryKey: ME_KEY, queryFn: loadMe, staleTime: 0 });
  }, [queryClient]);

  const value = useMemo<AuthContextValue>(() => ({
    status, me, capabilities: me?.capabilities ?? NO_CAPABILITIES, login, logout, switchCondominium,
  }), [status, me, login, logout, switchCondominium]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
