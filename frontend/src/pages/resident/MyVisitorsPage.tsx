import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, formatApiError } from "../../api/errors";
import { units as unitsApi } from "../../api/units";
import {
  visits as visitsApi, type DocType, type PreRegistration, type Visit, type VisitKind,
} from "../../api/visitors";
import { useAuth } from "../../auth/AuthProvider";
import { VisitorNameFields } from "../../components/VisitorNameFields";
import { Banner } from "../../components/Banner";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { useEventStream } from "../../hooks/useEventStream";
import { formatDateTime } from "../../lib/format";
import { enablePush, pushSupported } from "../../lib/push";
import { PassCard, PhotoInput } from "./PassCard";
import { VisitHistory, VisitPhoto } from "./VisitParts";

const KINDS: VisitKind[] = ["single", "period", "recurring", "vip"];
const SERVICES = ["cleaner", "trainer", "teacher", "carer", "delivery", "other"];

/** `/my-visitors` (mobile first): approvals waiting for me, a new pre-registration with
 * the QR pass to share, and my visitors with their history. */
export function MyVisitorsPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const when = (iso?: string | null) => formatDateTime(iso, i18n.language, me?.condominium.time_zone);
  const queryClient = useQueryClient();
  const visits = useQuery({ queryKey: ["visits", "mine"], queryFn: () => visitsApi.list({ page_size: 50 }) });
  const list = visits.data?.items ?? [];
  const [created, setCreated] = useState<Visit | null>(null);
  const reload = useCallback(() => queryClient.invalidateQueries({ queryKey: ["visits"] }), [queryClient]);
  // A notification (a visitor at the gate, an answer elsewhere): my visits changed.
  useEventStream({ notification: () => void reload() });
  const answer = useMutation({
    mutationFn: ({ visit, decision }: { visit: Visit; decision: "approve" | "deny" }) =>
      visitsApi.answer(visit.id, decision),
    onSettled: reload,
  });

  const pending = list.filter((v) => v.status === "pending" || v.status === "call");

  return (
    <section className="page narrow">
      <PageHeader title={t("visitors.mine.title")} actions={<PushButton />} />
      <QueryError error={visits.error ?? answer.error} />
      <section className="panel" aria-labelledby="pending-title">
        <h2 id="pending-title">{t("visitors.mine.pending")}</h2>
        {pending.length === 0 ? <p className="muted">{t("visitors.mine.noPending")}</p> : (
          <ul className="visit-cards">
            {pending.map((visit) => (
              <li key={visit.id} className="visit-card" aria-label={visit.visitor_name}>
                {visit.has_photo && <VisitPhoto visitId={visit.id} alt={visit.visitor_name ?? ""} />}
                <div>
                  <strong>{visit.visitor_name}</strong>
                  <div className="muted">{visit.visitor_doc} · {visit.unit} · {when(visit.created_at)}</div>
                  <div className="button-row">
                    <button type="button" className="button primary" disabled={answer.isPending} onClick={() => answer.mutate({ visit, decision: "approve" })}>
                      {t("visitors.approve")}</button>
                    <button type="button" className="button danger" disabled={answer.isPending} onClick={() => answer.mutate({ visit, decision: "deny" })}>
                      {t("visitors.deny")}</button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PreRegistrationForm onCreated={setCreated} />
      {created && <PassCard key={created.id} visit={created} />}
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t("visitors.mine.history")}</h2>
        {list.length === 0 ? <p className="muted">{t("visitors.mine.none")}</p> : (
          <ul className="visit-cards">
            {list.map((visit) => (
              <li key={visit.id} className="visit-card">
                <div>
                  <strong>{visit.visitor_name}</strong>{" "}
                  <span className={`pill status-${visit.status}`}>{t(`visitors.status.${visit.status}`)}</span>
                  <div className="muted">{t(`visitors.kind.${visit.kind}`)} · {visit.unit} · {t("visitors.until", { when: when(visit.valid_until) })}</div>
                  <VisitHistory visitId={visit.id} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** Turn on phone/browser notifications for visitors at the gate (Web Push). */
function PushButton() {
  const { t } = useTranslation();
  const [state, setState] = useState<"idle" | "on" | "off">("idle");
  if (!pushSupported()) return null;
  if (state !== "idle") return <span className="muted" role="status">{t(`visitors.push.${state}`)}</span>;
  return (
    <button type="button" className="button" onClick={() =>
      void enablePush().then((ok) => setState(ok ? "on" : "off")).catch(() => setState("off"))}>
      {t("visitors.push.enable")}</button>
  );
}

function PreRegistrationForm({ onCreated }: { onCreated: (visit: Visit) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const units = useQuery({
    queryKey: ["units", "list", { page_size: 100 }], queryFn: () => unitsApi.list({ page_size: 100 }),
  });
  const myUnits = units.data?.items ?? [];
  const [fields, setForm] = useState({
    unit_id: "", kind: "single" as VisitKind, first_name: "", last_name: "", doc_type: "rut",
    doc_number: "", phone: "", email: "", plate: "", valid_from: "", valid_until: "", start_time: "08:00",
    end_time: "18:00", service_kind: "cleaner", notes: "",
  });
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [photo, setPhoto] = useState<File | null>(null);
  // Until the resident picks one, their first unit.
  const form = { ...fields, unit_id: fields.unit_id || String(myUnits[0]?.id ?? "") };
  const create = useMutation({
    mutationFn: preRegister,
    onSuccess: ({ visit, photoError }) => {
      if (!photoError) setPhoto(null);
      onCreated(visit);
      return queryClient.invalidateQueries({ queryKey: ["visits"] });
    },
  });
  const fieldErrors = create.error instanceof ApiError ? create.error.fieldErrors : {};
  const error = create.error ? formatApiError(create.error, t) : create.data?.photoError ?? "";
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

  /** The visit, then (seed 003) its photo, checked like at the gate; a refused photo leaves the visit. */
  async function preRegister(): Promise<{ visit: Visit; photoError?: string }> {
    const body: PreRegistration = {
      unit_id: Number(form.unit_id), kind: form.kind, notes: form.notes || undefined,
      visitor: { first_name: form.first_name, last_name: form.last_name, doc_type: form.doc_type as DocType,
        doc_number: form.doc_number, phone: form.phone || undefined, email: form.email || undefined,
        plate: form.plate || undefined },
      valid_from: iso(form.valid_from), valid_until: iso(form.valid_until),
    };
    if (form.kind === "recurring") {
      Object.assign(body, { weekdays, start_time: form.start_time, end_time: form.end_time,
        service_kind: form.service_kind });
    }
    const visit = await visitsApi.create(body);
    if (!photo) return { visit };
    try {
      return { visit: { ...visit, ...(await visitsApi.attachPhoto(visit.id, photo)), pass_sent_by: visit.pass_sent_by } };
    } catch (err) {
      const reasons = err instanceof ApiError ? (err.fieldErrors.photo ?? []) : [];
      return {
        visit,
        photoError: t("visitors.new.photoRejected", {
          reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") ||
            formatApiError(err, t),
        }),
      };
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  const fieldError = (name: string) => fieldErrors[name]?.join(" ");

  return (
    <form className="panel" onSubmit={submit} aria-label={t("visitors.new.title")}>
      <h2>{t("visitors.new.title")}</h2>
      <QueryError error={units.error} />
      <Banner kind="error">{error}</Banner>
      <label className="field">{t("visitors.unit")}
        <select value={form.unit_id} onChange={set("unit_id")} required>
          {myUnits.map((u) => <option key={u.id} value={u.id}>{u.code}</option>)}
        </select>
      </label>
      <label className="field">{t("visitors.new.kind")}
        <select value={form.kind} onChange={set("kind")}>
          {KINDS.map((k) => <option key={k} value={k}>{t(`visitors.kind.${k}`)}</option>)}
        </select>
      </label>
      <VisitorNameFields values={form} bind={set} />
      <label className="field">{t("visitors.docNumber")}
        <input value={form.doc_number} onChange={set("doc_number")} required aria-invalid={!!fieldError("doc_number")} />
        {fieldError("doc_number") && <span className="field-error">{fieldError("doc_number")}</span>}
      </label>
      <label className="field">{t("visitors.phone")}<input value={form.phone} onChange={set("phone")} type="tel" /></label>
      <label className="field">{t("visitors.email")}<input value={form.email} onChange={set("email")} type="email" /></label>
      <label className="field">{t("visitors.plate")}<input value={form.plate} onChange={set("plate")} /></label>
      <PhotoInput file={photo} onChange={setPhoto} />
      <label className="field">{t("visitors.new.validFrom")}<input type="datetime-local" value={form.valid_from} onChange={set("valid_from")} /></label>
      <label className="field">{t("visitors.new.validUntil")}
        <input type="datetime-local" value={form.valid_until} onChange={set("valid_until")} required={form.kind !== "single"} />
        {fieldError("valid_until") && <span className="field-error">{fieldError("valid_until")}</span>}
      </label>
      {form.kind === "recurring" && (
        <fieldset className="field">
          <legend>{t("visitors.new.weekdays")}</legend>
          {[0, 1, 2, 3, 4, 5, 6].map((d) => (
            <label key={d} className="checkbox-option">
              <input type="checkbox" checked={weekdays.includes(d)}
                onChange={(e) => setWeekdays((w) => e.target.checked ? [...w, d] : w.filter((x) => x !== d))} />
              {t(`visitors.weekday.${d}`)}
            </label>
          ))}
          <label className="field">{t("visitors.new.from")}<input type="time" value={form.start_time} onChange={set("start_time")} /></label>
          <label className="field">{t("visitors.new.to")}<input type="time" value={form.end_time} onChange={set("end_time")} /></label>
          <label className="field">{t("visitors.new.service")}
            <select value={form.service_kind} onChange={set("service_kind")}>
              {SERVICES.map((s) => <option key={s} value={s}>{t(`visitors.service.${s}`)}</option>)}
            </select>
          </label>
        </fieldset>
      )}
      <label className="field">{t("visitors.notes")}<input value={form.notes} onChange={set("notes")} maxLength={255} /></label>
      <button type="submit" className="button primary">{t("visitors.new.submit")}</button>
    </form>
  );
}
