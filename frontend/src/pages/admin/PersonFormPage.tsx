import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { formatApiError } from "../../api/errors";
import { memberships, type Membership } from "../../api/memberships";
import { people, type Person, type PersonInput } from "../../api/people";
import { useAuth } from "../../auth/AuthProvider";
import { can, canManageFaces, canManageMemberships, manages } from "../../auth/permissions";
import { Banner } from "../../components/Banner";
import { FormActions } from "../../components/FormActions";
import { FacesPanel } from "../../components/FacesPanel";
import { UnitPicker } from "../../components/EntityPicker";
import { SelectField, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { MembershipsPanel } from "../../components/MembershipsPanel";
import { PageHeader } from "../../components/PageHeader";
import { WorkSchedulePanel } from "../../components/WorkSchedulePanel";
import { changed, optional, required, useForm } from "../../hooks/useForm";
import { useRecord } from "../../hooks/useRecord";
import { DOC_TYPES, enumOptions, MEMBERSHIP_ROLES, PERSON_KINDS } from "../../lib/enums";

const EMPTY = {
  first_name: "", last_name: "", doc_type: "rut", doc_number: "", phone: "", email: "", kind: "owner",
};

function toForm(p: Person): typeof EMPTY {
  return {
    first_name: p.first_name, last_name: p.last_name, doc_type: p.doc_type, doc_number: p.doc_number,
    phone: p.phone ?? "", email: p.email ?? "", kind: p.kind,
  };
}

function toInput(v: typeof EMPTY): PersonInput {
  return {
    first_name: required(v.first_name),
    last_name: required(v.last_name),
    doc_type: v.doc_type as Person["doc_type"],
    doc_number: required(v.doc_number),
    phone: optional(v.phone),
    email: optional(v.email),
    kind: v.kind as Person["kind"],
  };
}

/** The membership role that matches a person's kind (an owner owns, a tenant rents). */
function roleForKind(kind: string): Membership["role"] {
  return (["owner", "tenant", "family"] as const).find((r) => r === kind) ?? "resident";
}

const DOC_HINTS: Record<string, string> = { rut: "people.rutHint", cpf: "people.cpfHint" };

export function PersonFormPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const personId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { roles } = useAuth();
  const writable = can(roles, "people", "write");
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(EMPTY);
  const { record: person, setRecord: setPerson, loadError, loading } =
    useRecord(personId, people.get, (p) => form.setValues(toForm(p)));
  // On creation, the person can be linked to a unit at once.
  const [unitId, setUnitId] = useState<number | null>(null);
  const [linkRole, setLinkRole] = useState<string>(roleForKind(EMPTY.kind));

  if (loading) {
    return loadError ? <section className="page"><Banner kind="error">{loadError}</Banner></section> : <Loading />;
  }

  const title = person ? t("people.editTitle", { name: person.full_name }) : t("people.new");
  const v = form.values;
  const e = form.fieldErrors;
  const docHint = DOC_HINTS[v.doc_type];

  async function save() {
    if (person) {
      const patch = changed(toInput(toForm(person)), toInput(v));
      const updated = Object.keys(patch).length ? await people.update(person.id, patch) : person;
      setPerson(updated);
      form.setValues(toForm(updated));
      setSaved(t("common.saved"));
      return;
    }
    const created = await people.create(toInput(v));
    const flash = t("people.created", { name: created.full_name });
    let flashError: string | undefined;
    if (unitId !== null) {
      try {
        await memberships.create({
          person_id: created.id, unit_id: unitId, role: linkRole as Membership["role"],
          starts_on: null, ends_on: null,
        });
      } catch (err) {
        flashError = `${t("people.linkFailed")} ${formatApiError(err, t)}`;
      }
    }
    navigate(`/people/${created.id}`, { replace: true, state: { flash, flashError } });
  }

  return (
    <section className="page">
      <PageHeader title={title} actions={<Link className="button" to="/people">{t("common.backToList")}</Link>} />
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(save);
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <fieldset disabled={!writable || form.submitting}>
          <legend className="sr-only">{title}</legend>
          <div className="form-grid">
            <TextField label={t("people.firstName")} required value={v.first_name} maxLength={80}
              autoComplete="off" onChange={(x) => form.set("first_name", x)} errors={e.first_name} />
            <TextField label={t("people.lastName")} required value={v.last_name} maxLength={80}
              autoComplete="off" onChange={(x) => form.set("last_name", x)} errors={e.last_name} />
            <SelectField label={t("people.docType")} required value={v.doc_type}
              options={enumOptions(t, "docType", DOC_TYPES)}
              onChange={(x) => form.set("doc_type", x)} errors={e.doc_type} />
            <TextField label={t("people.docNumber")} required value={v.doc_number} maxLength={32}
              autoComplete="off" onChange={(x) => form.set("doc_number", x)} errors={e.doc_number}
              hint={docHint ? t(docHint) : undefined} />
            <SelectField label={t("people.kind")} required value={v.kind}
              options={enumOptions(t, "personKind", PERSON_KINDS)}
              onChange={(x) => {
                form.set("kind", x);
                setLinkRole(roleForKind(x));
              }} errors={e.kind} />
            <TextField label={t("people.phone")} type="tel" value={v.phone} maxLength={32}
              onChange={(x) => form.set("phone", x)} errors={e.phone} />
            <TextField label={t("people.email")} type="email" value={v.email} maxLength={254}
              onChange={(x) => form.set("email", x)} errors={e.email} />
          </div>
        </fieldset>

        {!person && writable && (
          <fieldset className="subsection" disabled={form.submitting}>
            <legend>{t("people.linkTitle")}</legend>
            <p className="field-hint">{t("people.linkHint")}</p>
            <div className="form-grid">
              <UnitPicker label={t("memberships.unit")} value={unitId} onChange={setUnitId} />
              <SelectField label={t("memberships.role")} value={linkRole}
                options={enumOptions(t, "membershipRole", MEMBERSHIP_ROLES)} onChange={setLinkRole} />
            </div>
          </fieldset>
        )}

        {writable && (
          <FormActions submitting={form.submitting} editing={!!person} listPath="/people"
            remove={person ? () => people.remove(person.id) : undefined}
            deleteQuestion={person ? t("people.deleteQuestion", { name: person.full_name }) : undefined}
            deletedFlash={person ? t("people.deleted", { name: person.full_name }) : undefined}
            onError={form.setFormError} />
        )}
      </form>
      {person && <MembershipsPanel mode="person" ownerId={person.id} canEdit={canManageMemberships(roles)} />}
      {person && canManageFaces(roles) && <FacesPanel personId={person.id} personName={person.full_name ?? ""} />}
      {person && person.kind === "staff" && manages(roles) && <WorkSchedulePanel personId={person.id} canEdit />}
    </section>
  );
}
