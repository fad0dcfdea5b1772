import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";
import { devices, type Device } from "../api/gate";
import { formatDateTime } from "../lib/format";
import { Banner } from "./Banner";
import { ConfirmButton } from "./ConfirmButton";

/** The gate's kiosks: register one (its token and kiosk link are shown once), revoke. */
export function GateDevicesPanel({ gateId, canEdit }: { gateId: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Device[]>([]);
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  useEffect(() => {
    devices.list(gateId).then(setRows).catch((err) => setError(formatApiError(err, t)));
  }, [gateId, reload, t]);

  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const { token } = await devices.create(gateId, name);
      setCreated({ name, token });
      setName("");
      setReload((n) => n + 1);
    } catch (err) {
      setError(formatApiError(err, t));
    }
  };
  const kioskLink = created
    ? `${window.location.origin}/kiosk#gate=${gateId}&token=${encodeURIComponent(created.token)}` : "";

  return (
    <section className="panel" aria-labelledby="gate-devices">
      <h2 id="gate-devices">{t("devices.title")}</h2>
      <Banner kind="error">{error}</Banner>
      {created && (
        <div className="banner banner-info" role="status">
          <p>{t("devices.createdOnce", { name: created.name })}</p>
          <p><code className="token">{created.token}</code></p>
          <p><a href={kioskLink} target="_blank" rel="noreferrer">{t("devices.openKiosk")}</a></p>
        </div>
      )}
      {rows.length === 0 ? <p className="muted">{t("devices.empty")}</p> : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("devices.title")}</caption>
            <thead><tr><th>{t("devices.name")}</th><th>{t("devices.lastSeen")}</th>
              <th>{t("devices.state")}</th>{canEdit && <th>{t("common.actions")}</th>}</tr></thead>
            <tbody>
              {rows.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td>{d.last_seen_at ? formatDateTime(d.last_seen_at, i18n.language) : "—"}</td>
                  <td><span className={`pill ${d.revoked_at ? "pill-off" : "pill-ok"}`}>
                    {d.revoked_at ? t("devices.revoked") : t("devices.active")}</span></td>
                  {canEdit && <td>{!d.revoked_at && (
                    <ConfirmButton label={t("devices.revoke")} question={t("devices.revokeQuestion", { name: d.name })}
                      onConfirm={async () => { await devices.revoke(gateId, d.id); setReload((n) => n + 1); }} />
                  )}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={(e) => void add(e)}>
          <label className="inline-label">{t("devices.name")}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          </label>
          <button type="submit" className="button primary">{t("devices.add")}</button>
        </form>
      )}
    </section>
  );
}
