import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { users, type User, type UserRole } from "../../api/users";
import { useAuth } from "../../auth/AuthProvider";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { formatDateTime } from "../../lib/format";
import { enumOptions, USER_ROLES } from "../../lib/enums";

export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { me } = useAuth();
  const zone = me?.condominium.time_zone;

  const columns: Column<User>[] = [
    { key: "email", header: t("users.email"), render: (u) => u.email },
    { key: "roles", header: t("users.roles"),
      render: (u) => u.roles.map((r) => t(`enums.role.${r}`)).join(", ") },
    { key: "active", header: t("users.status"),
      render: (u) => <span className={`pill ${u.is_active ? "pill-ok" : "pill-off"}`}>
        {u.is_active ? t("users.active") : t("users.inactive")}</span> },
    { key: "last_login", header: t("users.lastLogin"),
      render: (u) => u.last_login_at ? formatDateTime(u.last_login_at, i18n.language, zone) : t("users.never") },
  ];

  return (
    <section className="page">
      <PageHeader title={t("users.title")}
        actions={<Link className="button primary" to="/users/new">{t("users.new")}</Link>} />
      <ResourceList<User> resource="users"
        caption={t("users.title")}
        searchLabel={t("users.search")}
        filters={[{ name: "role", label: t("users.role"), options: enumOptions(t, "role", USER_ROLES) }]}
        load={({ q, page, page_size, filters }) => users.list({ q, page, page_size, role: (filters.role || undefined) as UserRole | undefined })}
        columns={columns}
        rowKey={(u) => u.id}
        rowLink={(u) => `/users/${u.id}`}
        emptyText={t("users.empty")}
      />
    </section>
  );
}
