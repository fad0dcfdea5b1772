import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { session } from "../api/client";
import { ApiError } from "../api/errors";
import { auth, type Me } from "../api/auth";

type Status = "loading" | "anonymous" | "authenticated";

interface AuthContextValue {
  status: Status;
  me: Me | null;
  roles: string[];
  login(email: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  switchCondominium(id: number): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function loadMe(): Promise<Me | null> {
  try {
    return await auth.me();
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

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>(() =>
    session.accessToken || session.refreshToken ? "loading" : "anonymous");
  const [me, setMe] = useState<Me | null>(null);

  const signedIn = useCallback((profile: Me | null) => {
    setMe(profile);
    setStatus(profile ? "authenticated" : "anonymous");
    if (profile) session.setCondominium(profile.condominium.id ?? null);
  }, []);

  useEffect(() => {
    if (status !== "loading") return;
    let live = true;
    loadMe()
      .then((profile) => live && signedIn(profile))
      .catch(() => live && signedIn(null));
    return () => {
      live = false;
    };
    // Only on first render: later changes go through login/logout.
  }, []);

  // The API wrapper could not refresh the token: back to the login page.
  useEffect(() => session.onExpired(() => signedIn(null)), [signedIn]);

  const login = useCallback(async (email: string, password: string) => {
    const preferred = session.condominiumId;
    session.clear();
    session.setCondominium(null); // the login picks the user's default condominium
    const tokens = await auth.login(email, password);
    session.setTokens(tokens.access_token, tokens.refresh_token);
    let profile = tokens.user;
    const other = preferred !== null && preferred !== profile.condominium.id &&
      profile.condominiums.some((c) => c.id === preferred);
    if (other) {
      session.setCondominium(preferred);
      profile = (await loadMe()) ?? profile;
    }
    signedIn(profile);
    return profile;
  }, [signedIn]);

  const logout = useCallback(async () => {
    try {
      if (session.accessToken) await auth.logout();
    } catch {
      /* the token may already be invalid: forget it anyway */
    }
    session.clear();
    signedIn(null);
  }, [signedIn]);

  const switchCondominium = useCallback(async (id: number) => {
    session.setCondominium(id);
    signedIn(await loadMe());
  }, [signedIn]);

  const value = useMemo<AuthContextValue>(() => ({
    status, me, roles: me?.roles ?? [], login, logout, switchCondominium,
  }), [status, me, login, logout, switchCondominium]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error("useAuth must be used inside <AuthProvider>");
  return value;
}
