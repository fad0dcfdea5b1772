/** Login, logout and the signed-in user's profile. */
import { api, unwrap, type Schemas } from "./client";

/** The profile, with the caller's capabilities in the current condominium. */
export type Me = Schemas["Me"];
export type TokenPair = Schemas["TokenPair"];

export const auth = {
  async login(email: string, password: string): Promise<TokenPair> {
    return unwrap(await api.POST("/api/v1/auth/login", { body: { email, password } }));
  },
  async logout(): Promise<void> {
    unwrap(await api.POST("/api/v1/auth/logout"));
  },
  async me(): Promise<Me> {
    return unwrap(await api.GET("/api/v1/auth/me"));
  },
};
