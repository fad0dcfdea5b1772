import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { visits as visitsApi, type Timeline } from "../../api/visitors";
import { useAuth } from "../../auth/AuthProvider";
import { formatDateTime } from "../../lib/format";

/** The visitor's photo at the gate, fetched with the session (never cached). */
export function VisitPhoto({ visitId, alt, thumb = true }: { visitId: number; alt: string; thumb?: boolean }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let objectUrl = "";
    let stopped = false;
    visitsApi.photo(visitId, thumb).then((blob) => {
      if (stopped) return;
      objectUrl = URL.createObjectURL(blob);
      setUrl(objectUrl);
    }).catch(() => undefined);
    return () => { stopped = true; if (objectUrl) URL.revokeObjectURL(objectUrl); };
  }, [visitId, thumb]);
  return url ? <img src={url} alt={alt} className="visit-photo" /> : <span className="visit-photo" aria-hidden="true" />;
}

/** Every state change of a visit with who and when (loaded on demand). */
export function VisitHistory({ visitId }: { visitId: number }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (open && !timeline) visitsApi.history(visitId).then(setTimeline).catch(() => undefined);
  }, [open, timeline, visitId]);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t("visitors.historyOf")}</summary>
      {timeline && (
        <ol className="timeline">
          {timeline.changes.map((change, index) => (
            <li key={index}>
              {formatDateTime(change.changed_at, i18n.language, me?.condominium.time_zone)}
              {" · "}{t(`visitors.status.${change.to_status}`)}
              {change.note ? ` · ${change.note}` : ""}
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
