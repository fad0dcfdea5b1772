import { useCallback, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/errors";
import { units as unitsApi, type Unit } from "../../api/units";
import { visits as visitsApi, type PreRegistration, type Visit, type VisitKind } from "../../api/visitors";
import { useAuth } from "../../auth/AuthProvider";
import { VisitorNameFields } from "../../components/VisitorNameFields";
import { Banner } from "../../components/Banner";
import { PageHeader } from "../../components/PageHeader";
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
  const [list, setList] = useState<Visit[]>([]);
  const [error, setError] = useState("");
  const [created, setCreated] = useState<Visit | null>(null);

  const load = useCallback(() => {
    visitsApi.list({ page_size: 50 }).then((page) => setList(page.items))
      .catch(() => setError(t("errors.network")));
  }, [t]);
  useEffect(load, [load]);
  useEventStream({ notification: () => load() });

  const pending = list.filter((v) => v.status === "pending" || v.status === "call");
  const answer = async (visit: Visit, decision: "approve" | "deny") => {
    try {
      await visitsApi.answer(visit.id, decision);
    } catch (err) {
      setError(err instanceof ApiError && err.detail ? err.detail : t("errors.network"));
    }
    load();
  };

  return (
    <section className="page narrow">
      <PageHeader title={t("visitors.mine.title")} actions={<PushButton />} />
      <Banner kind="error">{error}</Banner>
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
                    <button type="button" className="button primary" onClick={() => void answer(visit, "approve")}>
                      {t("visitors.approve")}</button>
                    <button type="button" className="button danger" onClick={() => void answer(visit, "deny")}>
                      {t("visitors.deny")}</button>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <PreRegistrationForm onCreated={(visit) => { setCreated(visit); load(); }} />
      {created && <PassCard visit={created} />}
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
  const [myUnits, setMyUnits] = useState<Unit[]>([]);
  const [form, setForm] = useState({
    unit_id: "", kind: "single" as VisitKind, first_name: "", last_name: "", doc_type: "rut",
    doc_number: "", phone: "", email: "", plate: "", valid_from: "", valid_until: "", start_time: "08:00",
    end_time: "18:00", service_kind: "cleaner", notes: "",
  });
  const [weekdays, setWeekdays] = useState<number[]>([]);
  const [photo, setPhoto] = useState<File | null>(null);
  const [error, setError] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  useEffect(() => {
    unitsApi.list({ page_size: 100 }).then((page) => {
      setMyUnits(page.items);
      if (page.items[0]) setForm((f) => ({ ...f, unit_id: String(page.items[0].id) }));
    }).catch(() => undefined);
  }, []);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm((f) => ({ ...f, [key]: e.target.value }));
  const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError("");
    setFieldErrors({});
    const body: PreRegistration = {
      unit_id: Number(form.unit_id), kind: form.kind, notes: form.notes || undefined,
      visitor: { first_name: form.first_name, last_name: form.last_name, doc_type: form.doc_type,
        doc_number: form.doc_number, phone: form.phone || undefined, email: form.email || undefined,
        plate: form.plate || undefined },
      valid_from: iso(form.valid_from), valid_until: iso(form.valid_until),
    };
    if (form.kind === "recurring") {
      Object.assign(body, { weekdays, start_time: form.start_time, end_time: form.end_time,
        service_kind: form.service_kind });
    }
    let visit: Visit;
    try {
      visit = await visitsApi.create(body);
    } catch (err) {
      if (err instanceof ApiError) {
        setFieldErrors(err.fieldErrors);
        setError(err.detail ?? t("errors.network"));
      } else setError(t("errors.network"));
      return;
    }
    // Seed 003: the visitor's photo goes with the pre-registration (checked like at the gate).
    if (photo) {
      try {
        visit = { ...visit, ...(await visitsApi.attachPhoto(visit.id, photo)), pass_sent_by: visit.pass_sent_by };
        setPhoto(null);
      } catch (err) {
        const reasons = err instanceof ApiError ? (err.fieldErrors.photo ?? []) : [];
        setError(t("visitors.new.photoRejected", {
          reasons: reasons.map((r) => t(`visitors.photoReason.${r}`, { defaultValue: r })).join(", ") || t("errors.network"),
        }));
      }
    }
    onCreated(visit);
  };
  const fieldError = (name: string) => fieldErrors[name]?.join(" ");

  return (
    <form className="panel" onSubmit={(e) => void submit(e)} aria-label={t("visitors.new.title")}>
      <h2>{t("visitors.new.title")}</h2>
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
