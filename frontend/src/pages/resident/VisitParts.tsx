import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { visits as visitsApi } from "../../api/visitors";
import { useAuth } from "../../auth/AuthProvider";
import { QueryError } from "../../components/QueryError";
import { useBlobUrl } from "../../hooks/useBlobUrl";
import { formatDateTime } from "../../lib/format";

/** The visitor's photo at the gate, fetched with the session (never kept once unused). */
export function VisitPhoto({ visitId, alt, thumb = true }: { visitId: number; alt: string; thumb?: boolean }) {
  const { t } = useTranslation();
  const { url, error } = useBlobUrl(["visits", "photo", visitId, thumb], () => visitsApi.photo(visitId, thumb));
  if (url) return <img src={url} alt={alt} className="visit-photo" />;
  // A photo that cannot be read says so (its title), rather than leaving an empty frame.
  return error
    ? <span className="visit-photo visit-photo-missing" title={t("faces.imageError")} />
    : <span className="visit-photo" aria-hidden="true" />;
}

/** Every state change of a visit with who and when (loaded when opened). */
export function VisitHistory({ visitId }: { visitId: number }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const [open, setOpen] = useState(false);
  const history = useQuery({
    queryKey: ["visits", "history", visitId], queryFn: () => visitsApi.history(visitId), enabled: open,
  });
  const timeline = history.data ?? null;
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t("visitors.historyOf")}</summary>
      <QueryError error={history.error} />
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
