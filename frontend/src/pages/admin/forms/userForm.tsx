/** The user account form: email (fixed once created), password, linked person, roles, active. */
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { people } from "../../../api/people";
import { users, type User, type UserCreateInput, type UserRole, type UserUpdateInput } from "../../../api/users";
import { useAuth } from "../../../auth/AuthProvider";
import { personLabel, PersonPicker } from "../../../components/EntityPicker";
import { CheckboxField, CheckboxGroup, TextField } from "../../../components/Field";
import { QueryError } from "../../../components/QueryError";
import type { FormContext, ResourceFormConfig } from "../../../components/ResourceFormPage";
import { formatDateTime } from "../../../lib/format";
import { enumOptions, USER_ROLES } from "../../../lib/enums";

type Values = { email: string; password: string; is_active: boolean; roles: string[]; person_id: string };
const EMPTY: Values = { email: "", password: "", is_active: true, roles: ["resident"], person_id: "" };

const sortedRoles = (roles: readonly string[]) => [...roles].sort() as UserRole[];
const personIdOf = (v: Values) => (v.person_id ? Number(v.person_id) : null);

function UserFields({ form, record: user, me }: FormContext<User, Values>) {
  const { t } = useTranslation();
  const v = form.values;
  const e = form.fieldErrors;
  const isSelf = user !== null && user.id === me?.id;
  // The linked person's name, for the picker before any search.
  const linked = user?.person_id ?? null;
  const person = useQuery({
    queryKey: ["people", "detail", linked],
    queryFn: () => people.get(linked as number),
    enabled: linked !== null,
  });
  return (
    <fieldset disabled={form.submitting}>
      <legend className="sr-only">{user ? t("users.editTitle", { email: user.email }) : t("users.new")}</legend>
      <QueryError error={person.error} />
      <div className="form-grid">
        <TextField label={t("users.email")} type="email" required={!user} value={v.email} readOnly={!!user}
          autoComplete="off" onChange={(x) => form.set("email", x)} errors={e.email}
          hint={user ? t("users.emailFixed") : undefined} />
        <TextField label={user ? t("users.newPassword") : t("users.password")} type="password"
          required={!user} value={v.password} autoComplete="new-password" minLength={8}
          onChange={(x) => form.set("password", x)} errors={e.password}
          hint={user ? t("users.newPasswordHint") : t("users.passwordHint")} />
        <PersonPicker label={t("users.person")} value={personIdOf(v)}
          currentLabel={person.data ? personLabel(person.data) : null}
          onChange={(id) => form.set("person_id", id === null ? "" : String(id))} errors={e.person_id} />
      </div>
      <CheckboxGroup label={t("users.roles")} options={enumOptions(t, "role", USER_ROLES)}
        values={v.roles} onChange={(roles) => form.set("roles", roles)} errors={e.roles} />
      <CheckboxField label={t("users.isActive")} checked={v.is_active} disabled={isSelf}
        onChange={(x) => form.set("is_active", x)} errors={e.is_active} />
    </fieldset>
  );
}

function UserHeader({ record: user }: { record: User }) {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  return (
    <p className="muted">
      {t("users.lastLogin")}: {user.last_login_at
        ? formatDateTime(user.last_login_at, i18n.language, me?.condominium.time_zone)
        : t("users.never")}
    </p>
  );
}

export const userForm: ResourceFormConfig<User, Values, UserCreateInput> = {
  resource: "users",
  api: users,
  empty: EMPTY,
  toForm: (u) => ({
    email: u.email, password: "", is_active: u.is_active, roles: u.roles, person_id: u.person_id ? String(u.person_id) : "",
  }),
  toInput: (v) => ({
    email: v.email.trim(), password: v.password, roles: sortedRoles(v.roles), is_active: v.is_active,
    person_id: personIdOf(v),
  }),
  // The email stays; the password is sent only when a new one is typed.
  patch(user, v) {
    const patch: UserUpdateInput = {};
    const roles = sortedRoles(v.roles);
    if (JSON.stringify(sortedRoles(user.roles)) !== JSON.stringify(roles)) patch.roles = roles;
    if (v.is_active !== user.is_active) patch.is_active = v.is_active;
    if (personIdOf(v) !== (user.person_id ?? null)) patch.person_id = personIdOf(v);
    if (v.password) patch.password = v.password;
    return patch;
  },
  // Nobody deletes their own account.
  deletable: (user, me) => user.id !== me?.id,
  submittable: (v) => v.roles.length > 0,
  text: {
    newTitle: (t) => t("users.new"),
    editTitle: (t, user) => t("users.editTitle", { email: user.email }),
    created: (t, user) => t("users.created", { email: user.email }),
    deleteQuestion: (t, user) => t("users.deleteQuestion", { email: user.email }),
    deleted: (t, user) => t("users.deleted", { email: user.email }),
  },
  Fields: UserFields,
  Header: UserHeader,
};
