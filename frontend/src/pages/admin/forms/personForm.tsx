/**
 * The person form: name, document, kind, contact; on creation, an optional first unit
 * link. Below a stored person: memberships, faces and (for staff) the work schedule.
 */
import { useTranslation } from "react-i18next";
import { formatApiError } from "../../../api/errors";
import { memberships, type Membership } from "../../../api/memberships";
import { people, type Person, type PersonInput } from "../../../api/people";
import { canManageFaces, canManageMemberships, canManageWorkSchedules } from "../../../auth/permissions";
import { UnitPicker } from "../../../components/EntityPicker";
import { FacesPanel } from "../../../components/FacesPanel";
import { SelectField, TextField } from "../../../components/Field";
import { MembershipsPanel } from "../../../components/MembershipsPanel";
import type { FormContext, ResourceFormConfig } from "../../../components/ResourceFormPage";
import { WorkSchedulePanel } from "../../../components/WorkSchedulePanel";
import { optional, required } from "../../../hooks/useForm";
import { DOC_TYPES, enumOptions, MEMBERSHIP_ROLES, PERSON_KINDS } from "../../../lib/enums";

// `link_*`: the unit to link a new person to, and as what (not part of the person).
const EMPTY = {
  first_name: "", last_name: "", doc_type: "rut", doc_number: "", phone: "", email: "", kind: "owner",
  link_unit_id: "", link_role: "owner",
};
type Values = typeof EMPTY;

/** The membership role that matches a person's kind (an owner owns, a tenant rents). */
function roleForKind(kind: string): Membership["role"] {
  return (["owner", "tenant", "family"] as const).find((r) => r === kind) ?? "resident";
}

const DOC_HINTS: Record<string, string> = { rut: "people.rutHint", cpf: "people.cpfHint" };

function PersonFields({ form, record: person, writable }: FormContext<Person, Values>) {
  const { t } = useTranslation();
  const v = form.values;
  const e = form.fieldErrors;
  const docHint = DOC_HINTS[v.doc_type];
  return (
    <>
      <fieldset disabled={!writable || form.submitting}>
        <legend className="sr-only">{person ? t("people.editTitle", { name: person.full_name }) : t("people.new")}</legend>
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
              form.set("link_role", roleForKind(x));
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
            <UnitPicker label={t("memberships.unit")} value={v.link_unit_id ? Number(v.link_unit_id) : null}
              onChange={(id) => form.set("link_unit_id", id === null ? "" : String(id))} />
            <SelectField label={t("memberships.role")} value={v.link_role}
              options={enumOptions(t, "membershipRole", MEMBERSHIP_ROLES)}
              onChange={(x) => form.set("link_role", x)} />
          </div>
        </fieldset>
      )}
    </>
  );
}

function PersonPanels({ record: person, capabilities }: FormContext<Person, Values> & { record: Person }) {
  return (
    <>
      <MembershipsPanel mode="person" ownerId={person.id} canEdit={canManageMemberships(capabilities)} />
      {canManageFaces(capabilities) && <FacesPanel personId={person.id} personName={person.full_name ?? ""} />}
      {person.kind === "staff" && canManageWorkSchedules(capabilities) &&
        <WorkSchedulePanel personId={person.id} canEdit />}
    </>
  );
}

export const personForm: ResourceFormConfig<Person, Values, PersonInput> = {
  resource: "people",
  api: people,
  empty: EMPTY,
  toForm: (p) => ({
    first_name: p.first_name, last_name: p.last_name, doc_type: p.doc_type, doc_number: p.doc_number,
    phone: p.phone ?? "", email: p.email ?? "", kind: p.kind, link_unit_id: "", link_role: roleForKind(p.kind),
  }),
  toInput: (v) => ({
    first_name: required(v.first_name),
    last_name: required(v.last_name),
    doc_type: v.doc_type as Person["doc_type"],
    doc_number: required(v.doc_number),
    phone: optional(v.phone),
    email: optional(v.email),
    kind: v.kind as Person["kind"],
  }),
  // The new person is created either way; a failed link is said on the person's page.
  async afterCreate(created, v, t) {
    if (!v.link_unit_id) return undefined;
    try {
      await memberships.create({
        person_id: created.id, unit_id: Number(v.link_unit_id), role: v.link_role as Membership["role"],
        starts_on: null, ends_on: null,
      });
      return undefined;
    } catch (err) {
      return `${t("people.linkFailed")} ${formatApiError(err, t)}`;
    }
  },
  alsoInvalidates: ["memberships"],
  text: {
    newTitle: (t) => t("people.new"),
    editTitle: (t, person) => t("people.editTitle", { name: person.full_name }),
    created: (t, person) => t("people.created", { name: person.full_name }),
    deleteQuestion: (t, person) => t("people.deleteQuestion", { name: person.full_name }),
    deleted: (t, person) => t("people.deleted", { name: person.full_name }),
  },
  Fields: PersonFields,
  Panels: PersonPanels,
};
