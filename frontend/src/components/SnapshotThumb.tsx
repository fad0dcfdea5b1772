import { accessEvents } from "../api/gate";
import { useBlobUrl } from "../hooks/useBlobUrl";

/**
 * An access event's camera frame, fetched with the bearer token and shown from a blob.
 * Frames are purged after a while (or never stored): then the empty frame says so.
 */
export function SnapshotThumb({ eventId, alt }: { eventId: number; alt: string }) {
  const { url, error } = useBlobUrl(["access-events", "snapshot", eventId],
    (signal) => accessEvents.snapshot(eventId, signal));
  if (url) return <img className="snapshot" src={url} alt={alt} />;
  return <span className={`snapshot snapshot-none${error ? " snapshot-missing" : ""}`} />;
}
