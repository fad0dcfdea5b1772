import { useEffect, useRef, useState } from "react";
import { streamTicket } from "../api/gate";

export type StreamState = "connecting" | "live" | "reconnecting";

/**
 * Live events (server-sent events): the condominium's gate events and visits for gate
 * roles, the user's own notifications for everyone. EventSource cannot send the
 * bearer token, so each connection first gets a short-lived ticket; when the connection
 * drops, a new ticket is fetched and the stream reopened after a pause.
 */
export function useEventStream(handlers: Record<string, (data: unknown) => void>, retryMs = 3000) {
  const [state, setState] = useState<StreamState>("connecting");
  const current = useRef(handlers);
  current.current = handlers;

  useEffect(() => {
    let source: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    const reconnect = () => {
      source?.close();
      source = null;
      if (stopped) return;
      setState("reconnecting");
      timer = setTimeout(() => void open(), retryMs);
    };
    async function open() {
      let ticket: string;
      try {
        ticket = await streamTicket();
      } catch {
        return reconnect();
      }
      if (stopped) return;
      source = new EventSource(`/api/v1/events/stream?ticket=${encodeURIComponent(ticket)}`);
      source.addEventListener("ready", () => setState("live"));
      // Gate roles get access, alert and visit events; everyone their own notifications.
      for (const kind of ["access", "alert", "visit", "notification"]) {
        source.addEventListener(kind, (event) => {
          current.current[kind]?.(JSON.parse((event as MessageEvent<string>).data));
        });
      }
      source.onerror = reconnect;
    }
    void open();
    return () => {
      stopped = true;
      clearTimeout(timer);
      source?.close();
    };
  }, [retryMs]);

  return state;
}
