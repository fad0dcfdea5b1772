import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { devices } from "../api/gate";
import { formatDateTime } from "../lib/format";
import { ConfirmButton } from "./ConfirmButton";
import { QueryError } from "./QueryError";

/** The gate's kiosks: register one (its token and kiosk link are shown once), revoke. */
export function GateDevicesPanel({ gateId, canEdit }: { gateId: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const key = ["gate-devices", gateId];
  const list = useQuery({ queryKey: key, queryFn: () => devices.list(gateId) });
  const reload = () => queryClient.invalidateQueries({ queryKey: key });
  const create = useMutation({
    mutationFn: (deviceName: string) => devices.create(gateId, deviceName),
    onSuccess: () => {
      setName("");
      return reload();
    },
  });
  const revoke = useMutation({ mutationFn: (id: number) => devices.revoke(gateId, id), onSuccess: reload });

  const rows = list.data ?? [];
  // The token is shown once: from the answer to the registration, never stored.
  const created = create.data ? { name: create.variables, token: create.data.token } : null;
  const kioskLink = created
    ? `${window.location.origin}/kiosk#gate=${gateId}&token=${encodeURIComponent(created.token)}` : "";
  const add = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(name);
  };

  return (
    <section className="panel" aria-labelledby="gate-devices">
      <h2 id="gate-devices">{t("devices.title")}</h2>
      <QueryError error={list.error ?? create.error ?? revoke.error} />
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
                      onConfirm={() => revoke.mutate(d.id)} />
                  )}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit && (
        <form className="inline-form" onSubmit={add}>
          <label className="inline-label">{t("devices.name")}
            <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={80} />
          </label>
          <button type="submit" className="button primary" disabled={create.isPending}>{t("devices.add")}</button>
        </form>
      )}
    </section>
  );
}
