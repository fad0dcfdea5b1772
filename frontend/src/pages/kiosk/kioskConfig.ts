/** Which gate this kiosk serves and its device token, kept on the device. */
export interface KioskConfig {
  gateId: number;
  token: string;
}

const KEY = "conserje.kiosk";

/** From `#gate=3&token=cgd_...` (set up by a link, then removed from the address bar) or
 * from storage. */
export function readKioskConfig(): KioskConfig | null {
  const hash = new URLSearchParams(window.location.hash.replace(/^#/, ""));
  const gateId = Number(hash.get("gate"));
  const token = hash.get("token");
  if (Number.isInteger(gateId) && gateId > 0 && token) {
    saveKioskConfig({ gateId, token });
    window.history.replaceState(null, "", window.location.pathname);
    return { gateId, token };
  }
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? "null") as KioskConfig | null;
    return stored && stored.gateId && stored.token ? stored : null;
  } catch {
    return null;
  }
}

export function saveKioskConfig(config: KioskConfig | null) {
  try {
    if (config) localStorage.setItem(KEY, JSON.stringify(config));
    else localStorage.removeItem(KEY);
  } catch {
    /* a kiosk without storage is configured again after a reload */
  }
}
