import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { units, type Unit } from "../../api/units";
import { useAuth } from "../../auth/AuthProvider";
import { can, manages } from "../../auth/permissions";
import { CsvImport } from "../../components/CsvImport";
import { QueryError } from "../../components/QueryError";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { useBuildings } from "../../hooks/useBuildings";
import { dash, formatDecimal } from "../../lib/format";

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { capabilities } = useAuth();
  const writable = can(capabilities, "units", "write");
  const title = manages(capabilities) ? t("units.title") : t("units.myTitle");
  const { buildings: buildingList, error: buildingsError } = useBuildings();

  const columns: Column<Unit>[] = [
    { key: "code", header: t("units.code"), render: (u) => u.code },
    { key: "building", header: t("units.building"), render: (u) => dash(u.building_name) },
    { key: "floor", header: t("units.floor"), render: (u) => dash(u.floor), className: "num" },
    { key: "area", header: t("units.area"), render: (u) => formatDecimal(u.area_m2, i18n.language, 2), className: "num" },
    { key: "coefficient", header: t("units.coefficient"), render: (u) => formatDecimal(u.coefficient, i18n.language), className: "num" },
  ];

  return (
    <section className="page">
      <PageHeader title={title}
        actions={writable && <Link className="button primary" to="/units/new">{t("units.new")}</Link>} />
      <QueryError error={buildingsError} />
      {writable && <CsvImport kind="units" />}
      <ResourceList<Unit> resource="units"
        caption={title}
        searchLabel={t("units.search")}
        filters={buildingList.length > 1 ? [{
          name: "building_id", label: t("units.building"),
          options: buildingList.map((b) => ({ value: String(b.id), label: b.name })),
        }] : []}
        load={({ q, page, page_size, filters }) => units.list({
          q, page, page_size, building_id: filters.building_id ? Number(filters.building_id) : undefined,
        })}
        columns={columns}
        rowKey={(u) => u.id}
        rowLink={(u) => `/units/${u.id}`}
        emptyText={t("units.empty")}
      />
    </section>
  );
}
