import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { vehicles, type Vehicle } from "../../api/vehicles";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { dash } from "../../lib/format";

export function VehiclesPage() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const writable = can(capabilities, "vehicles", "write");

  const columns: Column<Vehicle>[] = [
    { key: "plate", header: t("vehicles.plate"), render: (x) => <span className="plate">{x.plate}</span> },
    { key: "unit", header: t("vehicles.unit"), render: (x) => dash(x.unit_code) },
    { key: "car", header: t("vehicles.makeModel"),
      render: (x) => [x.make, x.model].filter(Boolean).join(" ") || "—" },
    { key: "colour", header: t("vehicles.colour"), render: (x) => dash(x.colour) },
  ];

  return (
    <section className="page">
      <PageHeader title={t("vehicles.title")}
        actions={writable && <Link className="button primary" to="/vehicles/new">{t("vehicles.new")}</Link>} />
      <ResourceList<Vehicle> resource="vehicles"
        caption={t("vehicles.title")}
        searchLabel={t("vehicles.search")}
        load={({ q, page, page_size }) => vehicles.list({ q, page, page_size })}
        columns={columns}
        rowKey={(x) => x.id}
        rowLink={(x) => `/vehicles/${x.id}`}
        emptyText={t("vehicles.empty")}
      />
    </section>
  );
}
