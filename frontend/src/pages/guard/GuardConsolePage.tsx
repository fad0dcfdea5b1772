import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import {
  accessEvents, alerts as alertsApi, manualOpen, toLiveEvent, type Alert, type Direction, type LiveEvent,
} from "../../api/gate";
import { gates as gatesApi } from "../../api/gates";
import type { LiveVisit } from "../../api/visitors";
import { useAuth } from "../../auth/AuthProvider";
import { Banner } from "../../components/Banner";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { SnapshotThumb } from "../../components/SnapshotThumb";
import { useEventStream } from "../../hooks/useEventStream";
import { formatDateTime } from "../../lib/format";
import { VisitPhoto } from "../resident/VisitParts";

const MAX_EVENTS = 50;

/** `/console`: the guard's live view of the gates, alerts to acknowledge, manual opening. */
export function GuardConsolePage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const when = (iso: string) => formatDateTime(iso, i18n.language, me?.condominium.time_zone);
  const queryClient = useQueryClient();
  // The log's latest rows, then what the live stream adds (newest first, no repeats).
  const recent = useQuery({ queryKey: ["access-events", "recent"], queryFn: () => accessEvents.list({ page_size: 20 }) });
  const [liveEvents, setLiveEvents] = useState<LiveEvent[]>([]);
  const events = useMemo(() => {
    const known = new Set(liveEvents.map((e) => e.id));
    const logged = (recent.data?.items ?? []).map(toLiveEvent).filter((e) => !known.has(e.id));
    return [...liveEvents, ...logged].slice(0, MAX_EVENTS);
  }, [liveEvents, recent.data]);
  const alertList = useQuery({ queryKey: ["alerts", "pending"], queryFn: alertsApi.pending });
  const pending = alertList.data ?? [];
  const [visitEvents, setVisitEvents] = useState<LiveVisit[]>([]);
  const ack = useMutation({
    mutationFn: (alert: Alert) => alertsApi.ack(alert.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ["alerts"] }),
  });

  const stream = useEventStream({
    access: (data) => setLiveEvents((list) =>
      [data as LiveEvent, ...list.filter((e) => e.id !== (data as LiveEvent).id)].slice(0, MAX_EVENTS)),
    // A new alert: the pending list is read again (it is short).
    alert: () => void queryClient.invalidateQueries({ queryKey: ["alerts"] }),
    // What the visitor desk hears too: walk-ins asked, answered, entries and exits.
    visit: (data) => setVisitEvents((list) => [data as LiveVisit, ...list].slice(0, MAX_EVENTS)),
  });

  return (
    <section className="page">
      <PageHeader title={t("console.title")}
        actions={<span className={`pill ${stream === "live" ? "pill-ok" : "pill-warn"}`} role="status">
          {t(`console.stream.${stream}`)}</span>} />
      <QueryError error={recent.error ?? alertList.error ?? ack.error} />
      <div className="console-grid">
        <div className="panel">
          <h2>{t("console.events")}</h2>
          {events.length === 0 ? <p className="muted">{t("console.noEvents")}</p> : (
            <ul className="event-list" aria-label={t("console.events")}>
              {events.map((event) => (
                <li key={event.id} className={`event-row event-${event.decision}`}>
                  {event.has_snapshot && <SnapshotThumb eventId={event.id}
                    alt={t("console.snapshotOf", { name: event.person?.name ?? t("console.unknownPerson") })} />}
                  <div>
                    <strong>{event.person?.name ?? t("console.unknownPerson")}</strong>
                    {event.person?.unit && <span className="muted"> · {event.person.unit}</span>}
                    <div className="muted">
                      {t(`console.decision.${event.decision}`)} · {t(`enums.accessDirection.${event.direction}`)}
                      {" · "}{event.gate_name} · {t(`console.method.${event.method}`)}
                      {" · "}{when(event.occurred_at)}
                    </div>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <div className="panel">
            <h2>{t("console.alerts")}</h2>
            {pending.length === 0 ? <p className="muted">{t("console.noAlerts")}</p> : (
              <ul className="event-list" aria-label={t("console.alerts")}>
                {pending.map((alert) => (
                  <li key={alert.id} className="event-row event-unknown">
                    {alert.access_event_id && <SnapshotThumb eventId={alert.access_event_id}
                      alt={t("console.snapshotOf", { name: t("console.unknownPerson") })} />}
                    <div>
                      <strong>{t(`console.alertKind.${alert.kind}`)}</strong>
                      <div className="muted">{alert.message} · {when(alert.created_at)}</div>
                    </div>
                    <button type="button" className="button" disabled={ack.isPending} onClick={() => ack.mutate(alert)}>
                      {t("console.ack")}</button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div className="panel">
            <h2>{t("console.visits")}</h2>
            {visitEvents.length === 0 ? <p className="muted">{t("console.noVisits")}</p> : (
              <ul className="event-list" aria-label={t("console.visits")}>
                {visitEvents.map((visit) => (
                  <li key={`${visit.id}-${visit.status}-${visit.at}`} className={`event-row status-${visit.status}`}>
                    {visit.has_photo && <VisitPhoto visitId={visit.id} alt={visit.visitor.name} />}
                    <div>
                      <strong>{t("console.visitLine", { name: visit.visitor.name, unit: visit.unit,
                        status: t(`visitors.status.${visit.status}`, { defaultValue: visit.status }) })}</strong>
                      <div className="muted">{t(`visitors.kind.${visit.kind}`, { defaultValue: visit.kind })} · {when(visit.at)}</div>
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ManualOpenForm />
        </div>
      </div>
    </section>
  );
}

/** Log a gate opened by hand; the event itself arrives through the live stream. */
function ManualOpenForm() {
  const { t } = useTranslation();
  const gates = useQuery({
    queryKey: ["gates", "list", { page_size: 100 }], queryFn: () => gatesApi.list({ page_size: 100 }),
  });
  const gateList = (gates.data?.items ?? []).filter((g) => g.is_active !== false);
  const [chosenGate, setChosenGate] = useState("");
  // Until the guard picks one, the first gate.
  const gateId = chosenGate || String(gates.data?.items[0]?.id ?? "");
  const [direction, setDirection] = useState<Direction>("entry");
  const [reason, setReason] = useState("");
  const open = useMutation({
    mutationFn: () => manualOpen(Number(gateId), { reason, direction }),
    onSuccess: () => setReason(""),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    open.mutate();
  };

  return (
    <form className="panel" onSubmit={submit} aria-label={t("console.manualOpen")}>
      <h2>{t("console.manualOpen")}</h2>
      <QueryError error={gates.error ?? open.error} />
      <Banner kind="success">{open.isSuccess ? t("console.opened") : null}</Banner>
      <label className="field">{t("console.gate")}
        <select value={gateId} onChange={(e) => setChosenGate(e.target.value)} required>
          {gateList.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
        </select>
      </label>
      <label className="field">{t("console.direction")}
        <select value={direction} onChange={(e) => setDirection(e.target.value as Direction)}>
          <option value="entry">{t("enums.accessDirection.entry")}</option>
          <option value="exit">{t("enums.accessDirection.exit")}</option>
        </select>
      </label>
      <label className="field">{t("console.reason")}
        <input value={reason} onChange={(e) => setReason(e.target.value)} required maxLength={255} />
      </label>
      <button type="submit" className="button primary">{t("console.open")}</button>
    </form>
  );
}
