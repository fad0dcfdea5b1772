import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { gates, type Gate } from "../../api/gates";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { enumOptions, GATE_DIRECTIONS, GATE_KINDS } from "../../lib/enums";

export function GatesPage() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const writable = can(capabilities, "gates", "write");

  const columns: Column<Gate>[] = [
    { key: "name", header: t("gates.name"), render: (g) => g.name },
    { key: "direction", header: t("gates.direction"), render: (g) => t(`enums.gateDirection.${g.direction ?? "both"}`) },
    { key: "kind", header: t("gates.kind"), render: (g) => t(`enums.gateKind.${g.kind ?? "pedestrian"}`) },
    { key: "active", header: t("gates.status"),
      render: (g) => <span className={`pill ${g.is_active ? "pill-ok" : "pill-off"}`}>
        {g.is_active ? t("gates.active") : t("gates.inactive")}</span> },
  ];

  return (
    <section className="page">
      <PageHeader title={t("gates.title")}
        actions={writable && <Link className="button primary" to="/gates/new">{t("gates.new")}</Link>} />
      <ResourceList<Gate> resource="gates"
        caption={t("gates.title")}
        searchLabel={t("gates.search")}
        filters={[
          { name: "kind", label: t("gates.kind"), options: enumOptions(t, "gateKind", GATE_KINDS) },
          { name: "direction", label: t("gates.direction"), options: enumOptions(t, "gateDirection", GATE_DIRECTIONS) },
        ]}
        load={({ q, page, page_size, filters }) => gates.list({
          q, page, page_size,
          kind: (filters.kind || "") as Gate["kind"] | "",
          direction: (filters.direction || "") as Gate["direction"] | "",
        })}
        columns={columns}
        rowKey={(g) => g.id}
        rowLink={(g) => `/gates/${g.id}`}
        emptyText={t("gates.empty")}
      />
    </section>
  );
}
