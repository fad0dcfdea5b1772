/**
 * Where the SPA keeps its tokens and the selected condominium between page loads.
 * A storage-like object is injected so that tests can use an in-memory one.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const KEYS = {
  access: "conserje.access_token",
  refresh: "conserje.refresh_token",
  condominium: "conserje.condominium_id",
} as const;

export class MemoryStore implements KeyValueStore {
  private data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
  removeItem(key: string) {
    this.data.delete(key);
  }
}

function defaultStore(): KeyValueStore {
  try {
    if (typeof window !== "undefined" && window.localStorage) return window.localStorage;
  } catch {
    /* storage disabled (private mode): fall back to memory */
  }
  return new MemoryStore();
}

export class Session {
  private listeners = new Set<() => void>();

  constructor(private store: KeyValueStore = defaultStore()) {}

  get accessToken(): string | null {
    return this.store.getItem(KEYS.access);
  }
  get refreshToken(): string | null {
    return this.store.getItem(KEYS.refresh);
  }
  get condominiumId(): number | null {
    const raw = this.store.getItem(KEYS.condominium);
    const id = raw === null ? NaN : Number(raw);
    return Number.isInteger(id) && id > 0 ? id : null;
  }

  setTokens(access: string, refresh?: string) {
    this.store.setItem(KEYS.access, access);
    if (refresh !== undefined) this.store.setItem(KEYS.refresh, refresh);
  }

  setCondominium(id: number | null) {
    if (id === null) this.store.removeItem(KEYS.condominium);
    else this.store.setItem(KEYS.condominium, String(id));
  }

  /** Forget the tokens (the selected condominium stays: it is a preference). */
  clear() {
    this.store.removeItem(KEYS.access);
    this.store.removeItem(KEYS.refresh);
  }

  /** Called when the session ends without the user asking (refresh refused). */
  onExpired(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  expire() {
    this.clear();
    for (const listener of this.listeners) listener();
  }
}
