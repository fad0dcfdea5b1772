import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { people } from "../../api/people";
import { users, type UserRole, type UserUpdateInput } from "../../api/users";
import { useAuth } from "../../auth/AuthProvider";
import { Banner } from "../../components/Banner";
import { FormActions } from "../../components/FormActions";
import { personLabel, PersonPicker } from "../../components/EntityPicker";
import { CheckboxField, CheckboxGroup, TextField } from "../../components/Field";
import { Loading } from "../../components/Guards";
import { PageHeader } from "../../components/PageHeader";
import { useForm } from "../../hooks/useForm";
import { useRecord } from "../../hooks/useRecord";
import { formatDateTime } from "../../lib/format";
import { enumOptions, USER_ROLES } from "../../lib/enums";


export function UserFormPage() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const userId = id ? Number(id) : null;
  const navigate = useNavigate();
  const { me } = useAuth();
  const [saved, setSaved] = useState<string | null>(null);
  const [roles, setRoles] = useState<string[]>(["resident"]);
  const [personId, setPersonId] = useState<number | null>(null);
  const [personName, setPersonName] = useState<string | null>(null);
  const form = useForm<{ email: string; password: string; is_active: boolean }>({
    email: "", password: "", is_active: true,
  });

  const { record: user, setRecord: setUser, loadError, loading } =
    useRecord(userId, users.get, (u, isLive) => {
      setRoles(u.roles);
      setPersonId(u.person_id ?? null);
      form.setValues({ email: u.email, password: "", is_active: u.is_active });
      if (u.person_id) {
        people.get(u.person_id).then((p) => isLive() && setPersonName(personLabel(p)))
          .catch(() => undefined);
      }
    });

  if (loading) {
    return loadError ? <section className="page"><Banner kind="error">{loadError}</Banner></section> : <Loading />;
  }

  const v = form.values;
  const e = form.fieldErrors;
  const isSelf = user !== null && user.id === me?.id;
  const title = user ? t("users.editTitle", { email: user.email }) : t("users.new");

  async function save() {
    const chosen = [...roles].sort() as UserRole[];
    if (user) {
      const patch: UserUpdateInput = {};
      if (JSON.stringify([...user.roles].sort()) !== JSON.stringify(chosen)) patch.roles = chosen;
      if (v.is_active !== user.is_active) patch.is_active = v.is_active;
      if (personId !== (user.person_id ?? null)) patch.person_id = personId;
      if (v.password) patch.password = v.password;
      const updated = Object.keys(patch).length ? await users.update(user.id, patch) : user;
      setUser(updated);
      setRoles(updated.roles);
      form.setValues({ email: updated.email, password: "", is_active: updated.is_active });
      setSaved(t("common.saved"));
      return;
    }
    const created = await users.create({
      email: v.email.trim(), password: v.password, roles: chosen, is_active: v.is_active, person_id: personId,
    });
    navigate(`/users/${created.id}`, { replace: true, state: { flash: t("users.created", { email: created.email }) } });
  }

  return (
    <section className="page">
      <PageHeader title={title} actions={<Link className="button" to="/users">{t("common.backToList")}</Link>}>
        {user && (
          <p className="muted">
            {t("users.lastLogin")}: {user.last_login_at
              ? formatDateTime(user.last_login_at, i18n.language, me?.condominium.time_zone)
              : t("users.never")}
          </p>
        )}
      </PageHeader>
      <form className="panel" noValidate onSubmit={(event) => {
        event.preventDefault();
        setSaved(null);
        void form.submit(save);
      }}>
        <Banner kind="error">{form.formError}</Banner>
        <Banner kind="success">{saved}</Banner>
        <fieldset disabled={form.submitting}>
          <legend className="sr-only">{title}</legend>
          <div className="form-grid">
            <TextField label={t("users.email")} type="email" required={!user} value={v.email} readOnly={!!user}
              autoComplete="off" onChange={(x) => form.set("email", x)} errors={e.email}
              hint={user ? t("users.emailFixed") : undefined} />
            <TextField label={user ? t("users.newPassword") : t("users.password")} type="password"
              required={!user} value={v.password} autoComplete="new-password" minLength={8}
              onChange={(x) => form.set("password", x)} errors={e.password}
              hint={user ? t("users.newPasswordHint") : t("users.passwordHint")} />
            <PersonPicker label={t("users.person")} value={personId} currentLabel={personName}
              onChange={setPersonId} errors={e.person_id} />
          </div>
          <CheckboxGroup label={t("users.roles")} options={enumOptions(t, "role", USER_ROLES)}
            values={roles} onChange={setRoles} errors={e.roles} />
          <CheckboxField label={t("users.isActive")} checked={v.is_active} disabled={isSelf}
            onChange={(x) => form.set("is_active", x)} errors={e.is_active} />
        </fieldset>
        <FormActions submitting={form.submitting} editing={!!user} disabled={roles.length === 0}
          listPath="/users"
          remove={user && !isSelf ? () => users.remove(user.id) : undefined}
          deleteQuestion={user ? t("users.deleteQuestion", { email: user.email }) : undefined}
          deletedFlash={user ? t("users.deleted", { email: user.email }) : undefined}
          onError={form.setFormError} />
      </form>
    </section>
  );
}
