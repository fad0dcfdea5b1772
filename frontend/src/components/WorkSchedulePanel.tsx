import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { formatApiError } from "../api/errors";
import { workSchedules, type Shift } from "../api/gate";
import { Banner } from "./Banner";

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
type Row = { on: boolean; start: string; end: string };

/** A staff member's weekly shifts (local time); saving replaces the whole week. */
export function WorkSchedulePanel({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(WEEKDAYS.map(() => ({ on: false, start: "08:00", end: "17:00" })));
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);

  useEffect(() => {
    workSchedules.get(personId).then((shifts) => setRows(WEEKDAYS.map((day) => {
      const shift = shifts.find((s) => s.weekday === day);
      return shift ? { on: true, start: shift.start, end: shift.end } : { on: false, start: "08:00", end: "17:00" };
    }))).catch((err) => setMessage({ kind: "error", text: formatApiError(err, t) }));
  }, [personId, t]);

  const set = (day: number, patch: Partial<Row>) =>
    setRows((list) => list.map((row, i) => (i === day ? { ...row, ...patch } : row)));
  const save = async (e: FormEvent) => {
    e.preventDefault();
    const shifts: Shift[] = rows.flatMap((row, weekday) => row.on ? [{ weekday, start: row.start, end: row.end }] : []);
    try {
      await workSchedules.replace(personId, shifts);
      setMessage({ kind: "success", text: t("common.saved") });
    } catch (err) {
      setMessage({ kind: "error", text: formatApiError(err, t) });
    }
  };

  return (
    <form className="panel" aria-labelledby="work-schedule" onSubmit={(e) => void save(e)}>
      <h2 id="work-schedule">{t("schedule.title")}</h2>
      {message && <Banner kind={message.kind}>{message.text}</Banner>}
      <fieldset disabled={!canEdit}>
        <legend className="sr-only">{t("schedule.title")}</legend>
        {rows.map((row, day) => (
          <div key={day} className="schedule-row">
            <label className="checkbox-option">
              <input type="checkbox" checked={row.on} onChange={(e) => set(day, { on: e.target.checked })} />
              {t(`schedule.weekdays.${day}`)}
            </label>
            <input type="time" aria-label={t("schedule.start")} value={row.start} disabled={!row.on}
              onChange={(e) => set(day, { start: e.target.value })} />
            <input type="time" aria-label={t("schedule.end")} value={row.end} disabled={!row.on}
              onChange={(e) => set(day, { end: e.target.value })} />
          </div>
        ))}
      </fieldset>
      {canEdit && <button type="submit" className="button primary">{t("schedule.save")}</button>}
      <p className="field-hint">{t("schedule.hint")}</p>
    </form>
  );
}
