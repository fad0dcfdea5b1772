/** Web Push for residents: register the service worker, subscribe with the server's VAPID
 * public key and hand the subscription to the API. */
import { api, unwrap } from "../api/client";

export function pushSupported(): boolean {
  return typeof window !== "undefined" && "serviceWorker" in navigator && "PushManager" in window;
}

/** The VAPID key (base64url) as the bytes PushManager wants. */
export function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(base64url.length / 4) * 4, "=");
  const raw = atob(base64);
  const out = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

/** Ask for permission and subscribe; false when the server has no VAPID key or the user declines. */
export async function enablePush(): Promise<boolean> {
  const { public_key: key } = unwrap(await api.GET("/api/v1/visitor-admin/push-key"));
  if (!key || (await Notification.requestPermission()) !== "granted") return false;
  const registration = await navigator.serviceWorker.register("/sw.js");
  const subscription = await registration.pushManager.subscribe({
    userVisibleOnly: true, applicationServerKey: keyBytes(key),
  });
  const json = subscription.toJSON();
  unwrap(await api.POST("/api/v1/visitor-admin/push-subscriptions", {
    body: { endpoint: json.endpoint ?? "", p256dh: json.keys?.p256dh ?? "", auth: json.keys?.auth ?? "" },
  }));
  return true;
}
