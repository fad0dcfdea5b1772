import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { can } from "../auth/permissions";
import { memberships, type Membership } from "../api/memberships";
import { useForm } from "../hooks/useForm";
import { formatDate } from "../lib/format";
import { enumOptions, MEMBERSHIP_ROLES } from "../lib/enums";
import { Banner } from "./Banner";
import { ConfirmButton } from "./ConfirmButton";
import { PersonPicker, UnitPicker } from "./EntityPicker";
import { SelectField, TextField } from "./Field";
import { QueryError } from "./QueryError";

type Mode = "unit" | "person";

/** Who lives in a unit (mode "unit") or where a person lives (mode "person"). */
export function MembershipsPanel({ mode, ownerId, canEdit }: { mode: Mode; ownerId: number; canEdit: boolean }) {
  const { t, i18n } = useTranslation();
  const { capabilities } = useAuth();
  const linkPeople = can(capabilities, "people");
  const linkUnits = can(capabilities, "units");
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [other, setOther] = useState<number | null>(null);
  const form = useForm({ role: mode === "person" ? "owner" : "resident", starts_on: "", ends_on: "" });

  const filter = mode === "unit" ? { unit_id: ownerId } : { person_id: ownerId };
  const list = useQuery({
    queryKey: ["memberships", "list", { ...filter, page_size: 100 }],
    queryFn: () => memberships.list({ ...filter, page_size: 100 }),
  });
  const rows = list.data?.items ?? [];
  // A link changes both sides (and the lists that show who lives where).
  const reload = () => queryClient.invalidateQueries({ queryKey: ["memberships"] });
  const add = useMutation({ mutationFn: memberships.create, onSuccess: reload });
  const remove = useMutation({ mutationFn: memberships.remove, onSuccess: reload });

  const title = mode === "unit" ? t("memberships.unitTitle") : t("memberships.personTitle");
  const otherErrors = form.fieldErrors[mode === "unit" ? "person_id" : "unit_id"];

  return (
    <section className="panel" aria-labelledby={`memberships-${mode}`}>
      <h2 id={`memberships-${mode}`}>{title}</h2>
      <QueryError error={list.error} />
      <QueryError error={remove.error} />
      {rows.length === 0 ? (
        <p className="muted">{mode === "unit" ? t("memberships.noneForUnit") : t("memberships.noneForPerson")}</p>
      ) : (
        <table className="compact">
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{mode === "unit" ? t("memberships.person") : t("memberships.unit")}</th>
              <th scope="col">{t("memberships.role")}</th>
              <th scope="col">{t("memberships.startsOn")}</th>
              <th scope="col">{t("memberships.endsOn")}</th>
              {canEdit && <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.id}>
                <td>
                  {mode === "unit"
                    ? linkPeople
                      ? <Link to={`/people/${m.person_id}`}>{m.person_name ?? `#${m.person_id}`}</Link>
                      : m.person_name ?? `#${m.person_id}`
                    : linkUnits
                      ? <Link to={`/units/${m.unit_id}`}>{m.unit_code ?? `#${m.unit_id}`}</Link>
                      : m.unit_code ?? `#${m.unit_id}`}
                </td>
                <td>{t(`enums.membershipRole.${m.role}`)}</td>
                <td>{formatDate(m.starts_on, i18n.language)}</td>
                <td>{formatDate(m.ends_on, i18n.language)}</td>
                {canEdit && (
                  <td className="actions">
                    <ConfirmButton label={t("memberships.remove")} question={t("memberships.removeQuestion")}
                      onConfirm={() => remove.mutate(m.id)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {canEdit && (
        <form className="inline-form" aria-label={t("memberships.add")} onSubmit={(e) => {
          e.preventDefault();
          setSaved(null);
          void form.submit(async () => {
            await add.mutateAsync({
              unit_id: mode === "unit" ? ownerId : (other ?? 0),
              person_id: mode === "person" ? ownerId : (other ?? 0),
              role: form.values.role as Membership["role"],
              starts_on: form.values.starts_on || null,
              ends_on: form.values.ends_on || null,
            });
            setOther(null);
            form.setValues((v) => ({ ...v, starts_on: "", ends_on: "" }));
            setSaved(t("memberships.added"));
          });
        }}>
          <h3>{t("memberships.add")}</h3>
          <Banner kind="error">{form.formError}</Banner>
          <Banner kind="success">{saved}</Banner>
          <div className="form-grid">
            {mode === "unit"
              ? <PersonPicker label={t("memberships.person")} value={other} onChange={setOther} required errors={otherErrors} />
              : <UnitPicker label={t("memberships.unit")} value={other} onChange={setOther} required errors={otherErrors} />}
            <SelectField label={t("memberships.role")} value={form.values.role} required
              options={enumOptions(t, "membershipRole", MEMBERSHIP_ROLES)}
              onChange={(v) => form.set("role", v)} errors={form.fieldErrors.role} />
            <TextField label={t("memberships.startsOn")} type="date" value={form.values.starts_on}
              onChange={(v) => form.set("starts_on", v)} errors={form.fieldErrors.starts_on} />
            <TextField label={t("memberships.endsOn")} type="date" value={form.values.ends_on}
              onChange={(v) => form.set("ends_on", v)} errors={form.fieldErrors.ends_on} />
          </div>
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={form.submitting || other === null}>
              {t("memberships.addButton")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
