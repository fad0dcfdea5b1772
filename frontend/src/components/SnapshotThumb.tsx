import { useEffect, useState } from "react";
import { accessEvents } from "../api/gate";

/** An access event's camera frame, fetched with the bearer token and shown from a blob. */
export function SnapshotThumb({ eventId, alt }: { eventId: number; alt: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    let objectUrl: string | null = null;
    accessEvents.snapshot(eventId, controller.signal)
      .then((blob) => {
        if (controller.signal.aborted) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined); // purged or not stored: no picture
    return () => {
      controller.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [eventId]);
  return url ? <img className="snapshot" src={url} alt={alt} /> : <span className="snapshot snapshot-none" />;
}
