import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { workSchedules, type Shift } from "../api/gate";
import { Banner } from "./Banner";
import { QueryError } from "./QueryError";

const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const;
type Row = { on: boolean; start: string; end: string };

/** One row per weekday: on with its hours when there is a shift, off (9-to-5 ready) otherwise. */
function toRows(shifts: Shift[]): Row[] {
  return WEEKDAYS.map((day) => {
    const shift = shifts.find((s) => s.weekday === day);
    return shift ? { on: true, start: shift.start, end: shift.end } : { on: false, start: "08:00", end: "17:00" };
  });
}

/** A staff member's weekly shifts (local time); saving replaces the whole week. */
export function WorkSchedulePanel({ personId, canEdit }: { personId: number; canEdit: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const key = ["work-schedules", personId];
  const stored = useQuery({ queryKey: key, queryFn: () => workSchedules.get(personId) });
  const save = useMutation({
    mutationFn: (shifts: Shift[]) => workSchedules.replace(personId, shifts),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key }),
  });
  const [rows, setRows] = useState<Row[]>(() => toRows([]));
  // The week shown starts from each version of the stored shifts.
  const [seededFrom, setSeededFrom] = useState<Shift[] | null>(null);
  if (stored.data && stored.data !== seededFrom) {
    setSeededFrom(stored.data);
    setRows(toRows(stored.data));
  }

  const set = (day: number, patch: Partial<Row>) =>
    setRows((list) => list.map((row, i) => (i === day ? { ...row, ...patch } : row)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(rows.flatMap((row, weekday) => row.on ? [{ weekday, start: row.start, end: row.end }] : []));
  };

  return (
    <form className="panel" aria-labelledby="work-schedule" onSubmit={submit}>
      <h2 id="work-schedule">{t("schedule.title")}</h2>
      <QueryError error={stored.error ?? save.error} />
      <Banner kind="success">{save.isSuccess ? t("common.saved") : null}</Banner>
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
