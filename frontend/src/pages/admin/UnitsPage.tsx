import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { buildings, type Building } from "../../api/buildings";
import { units, type Unit } from "../../api/units";
import { useAuth } from "../../auth/AuthProvider";
import { can, manages } from "../../auth/permissions";
import { CsvImport } from "../../components/CsvImport";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { dash, formatDecimal } from "../../lib/format";

/** The condominium's buildings, for those allowed to list them (not residents). */
export function useBuildings(): Building[] {
  const { roles } = useAuth();
  const allowed = roles.some((role) => role === "admin" || role === "manager" || role === "guard");
  const [list, setList] = useState<Building[]>([]);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    buildings.list({ page_size: 100 }).then((r) => live && setList(r.items)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [allowed]);
  return list;
}

export function UnitsPage() {
  const { t, i18n } = useTranslation();
  const { roles } = useAuth();
  const writable = can(roles, "units", "write");
  const title = manages(roles) ? t("units.title") : t("units.myTitle");
  const buildingList = useBuildings();
  const [reload, setReload] = useState(0);

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
      {writable && <CsvImport kind="units" onImported={() => setReload((n) => n + 1)} />}
      <ResourceList<Unit>
        caption={title}
        searchLabel={t("units.search")}
        reloadKey={reload}
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
