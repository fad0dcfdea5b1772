import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { attendance, type AttendancePeriod } from "../../api/gate";
import { useAuth } from "../../auth/AuthProvider";
import { BarChart } from "../../components/BarChart";
import { PageHeader } from "../../components/PageHeader";
import { QueryError } from "../../components/QueryError";
import { formatDate } from "../../lib/format";

/** Today in the condominium's zone, as YYYY-MM-DD. */
function today(timeZone?: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })
    .format(new Date());
}

function timeOf(iso: string | null | undefined, language: string, timeZone?: string) {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(language, { timeStyle: "short", timeZone }).format(new Date(iso));
}

const STATUS_PILL: Record<string, string> = {
  on_time: "pill-ok", late: "pill-warn", absent: "pill-bad", pending: "pill-off", unscheduled: "pill-off",
};

/** `/attendance`: staff arrivals, lateness, absences and hours, per day or month. */
export function AttendancePage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const zone = me?.condominium.time_zone;
  const [mode, setMode] = useState<"day" | "month">("day");
  const [day, setDay] = useState(() => today(zone));
  const period: AttendancePeriod = mode === "day" ? { day } : { month: day.slice(0, 7) };
  const loaded = useQuery({
    queryKey: ["attendance", period],
    queryFn: () => attendance.report(period),
    // The previous period stays on screen while the next one loads.
    placeholderData: keepPreviousData,
  });
  const report = loaded.data ?? null;
  const download = useMutation({
    mutationFn: async (format: "csv" | "xlsx") => {
      const blob = await attendance.export(period, format);
      const link = document.createElement("a");
      link.href = URL.createObjectURL(blob);
      link.download = `attendance-${mode === "day" ? day : day.slice(0, 7)}.${format}`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });

  return (
    <section className="page">
      <PageHeader title={t("attendance.title")} actions={<>
        <button type="button" className="button" onClick={() => download.mutate("csv")}>CSV</button>
        <button type="button" className="button" onClick={() => download.mutate("xlsx")}>XLSX</button>
      </>} />
      <div className="list-toolbar">
        <label className="inline-label">{t("attendance.period")}
          <select value={mode} onChange={(e) => setMode(e.target.value as "day" | "month")}>
            <option value="day">{t("attendance.byDay")}</option>
            <option value="month">{t("attendance.byMonth")}</option>
          </select>
        </label>
        <label className="inline-label">{t("attendance.date")}
          <input type="date" value={day} onChange={(e) => e.target.value && setDay(e.target.value)} />
        </label>
      </div>
      <QueryError error={loaded.error ?? download.error} />
      {report && report.totals.length > 0 && (
        <div className="chart-grid">
          <BarChart label={t("attendance.chartDays")} tick={(name) => name.split(" ")[0]}
            series={[t("attendance.statuses.on_time"), t("attendance.statuses.late"), t("attendance.statuses.absent")]}
            rows={report.totals.map((row) => ({ key: row.name, values: [row.on_time, row.late, row.absent] }))} />
          <BarChart label={t("attendance.chartHours")} tick={(name) => name.split(" ")[0]}
            format={(hours) => hours.toFixed(2)}
            rows={report.totals.map((row) => ({ key: row.name, values: [row.hours_worked] }))} />
        </div>
      )}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t("attendance.title")}</caption>
          <thead>
            <tr>
              <th>{t("attendance.person")}</th><th>{t("attendance.day")}</th>
              <th>{t("attendance.schedule")}</th><th>{t("attendance.entry")}</th>
              <th>{t("attendance.exit")}</th><th>{t("attendance.status")}</th>
              <th>{t("attendance.hours")}</th>
            </tr>
          </thead>
          <tbody>
            {report?.days.length === 0 && <tr><td colSpan={7} className="muted">{t("attendance.empty")}</td></tr>}
            {report?.days.map((row) => (
              <tr key={`${row.person_id}-${row.day}`}>
                <td>{row.name}</td>
                <td>{formatDate(row.day, i18n.language)}</td>
                <td>{row.scheduled_start ? `${row.scheduled_start}–${row.scheduled_end}` : "—"}</td>
                <td>{timeOf(row.first_entry, i18n.language, zone)}</td>
                <td>{timeOf(row.last_exit, i18n.language, zone)}
                  {row.missing_exit && <span className="pill pill-warn"> {t("attendance.missingExit")}</span>}</td>
                <td><span className={`pill ${STATUS_PILL[row.status] ?? "pill-off"}`}>
                  {t(`attendance.statuses.${row.status}`)}
                  {row.status === "late" && ` ${t("attendance.lateBy", { minutes: row.late_minutes })}`}</span></td>
                <td>{row.hours_worked.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mode === "month" && report && report.totals.length > 0 && (
        <div className="table-wrap">
          <table>
            <caption>{t("attendance.totals")}</caption>
            <thead>
              <tr>
                <th>{t("attendance.person")}</th><th>{t("attendance.statuses.on_time")}</th>
                <th>{t("attendance.statuses.late")}</th><th>{t("attendance.statuses.absent")}</th>
                <th>{t("attendance.missingExit")}</th><th>{t("attendance.hours")}</th>
              </tr>
            </thead>
            <tbody>
              {report.totals.map((row) => (
                <tr key={row.person_id}>
                  <td>{row.name}</td><td>{row.on_time}</td>
                  <td>{row.late} ({row.late_minutes} min)</td><td>{row.absent}</td>
                  <td>{row.missing_exits}</td><td>{row.hours_worked.toFixed(2)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
