import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { visitorKpis } from "../../api/visitors";
import { BarChart } from "../../components/BarChart";
import { QueryError } from "../../components/QueryError";
import { PageHeader } from "../../components/PageHeader";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** `/visitor-kpis`: seed 003's visitor metrics for a date range, with charts. */
export function VisitorKpisPage() {
  const { t } = useTranslation();
  const today = new Date();
  const [since, setSince] = useState(isoDay(new Date(today.getTime() - 29 * 86400_000)));
  const [until, setUntil] = useState(isoDay(today));
  // The range shown: the first one, then whatever was submitted (not every keystroke).
  const [range, setRange] = useState({ since, until });
  const loaded = useQuery({
    queryKey: ["visitor-kpis", range],
    queryFn: () => visitorKpis.get(range.since, range.until),
    placeholderData: keepPreviousData,
  });
  const data = loaded.data ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setRange({ since, until });
  };
  const pct = (v: number | null) => (v === null ? "—" : `${Math.round(v * 100)} %`);

  return (
    <section className="page">
      <PageHeader title={t("visitors.kpis.title")} />
      <QueryError error={loaded.error} />
      <form className="toolbar" onSubmit={submit}>
        <label className="field inline">{t("visitors.kpis.since")}<input type="date" value={since} onChange={(e) => setSince(e.target.value)} /></label>
        <label className="field inline">{t("visitors.kpis.until")}<input type="date" value={until} onChange={(e) => setUntil(e.target.value)} /></label>
        <button type="submit" className="button">{t("visitors.kpis.show")}</button>
      </form>
      {data && (
        <>
          <dl className="kpi-grid">
            <div><dt>{t("visitors.kpis.unique")}</dt><dd>{data.unique_visitors}</dd></div>
            <div><dt>{t("visitors.kpis.perDay")}</dt><dd>{data.visitors_per_day}</dd></div>
            <div><dt>{t("visitors.kpis.peakHour")}</dt><dd>{data.peak_hour === null ? "—" : `${data.peak_hour}:00`}</dd></div>
            <div><dt>{t("visitors.kpis.approvalRate")}</dt><dd>{pct(data.approval_rate)}</dd></div>
            <div><dt>{t("visitors.kpis.averageStay")}</dt><dd>{data.average_stay_minutes ?? "—"} min</dd></div>
            <div><dt>{t("visitors.kpis.recurring")}</dt><dd>{data.recurring_visitors} / {data.one_off_visitors}</dd></div>
            <div><dt>{t("visitors.kpis.preRegistration")}</dt><dd>{pct(data.pre_registration_rate)}</dd></div>
            <div><dt>{t("visitors.kpis.response")}</dt><dd>{data.average_response_seconds ?? "—"} s</dd></div>
          </dl>
          <div className="chart-grid">
            <BarChart label={t("visitors.kpis.byDay")} tick={(day) => day.slice(-2)}
              rows={data.per_day.map((d) => ({ key: d.day, values: [d.entries] }))} />
            <BarChart label={t("visitors.kpis.byHour")} rows={data.per_hour.map((h) => ({ key: String(h.hour).padStart(2, "0"), values: [h.entries] }))} />
            <BarChart label={t("visitors.kpis.methods")} tick={(m) => t(`console.method.${m}`)}
              rows={Object.entries(data.methods).map(([key, value]) => ({ key, values: [value] }))} />
          </div>
        </>
      )}
    </section>
  );
}
