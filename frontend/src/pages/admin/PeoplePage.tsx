import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { people, type Person } from "../../api/people";
import { useAuth } from "../../auth/AuthProvider";
import { can } from "../../auth/permissions";
import { CsvImport } from "../../components/CsvImport";
import { PageHeader } from "../../components/PageHeader";
import { ResourceList, type Column } from "../../components/ResourceList";
import { dash } from "../../lib/format";
import { enumOptions, PERSON_KINDS } from "../../lib/enums";

export function PeoplePage() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const writable = can(capabilities, "people", "write");

  const columns: Column<Person>[] = [
    { key: "name", header: t("people.fullName"), render: (p) => p.full_name ?? `${p.first_name} ${p.last_name}` },
    { key: "document", header: t("people.document"),
      render: (p) => <><span className="muted">{t(`enums.docType.${p.doc_type}`)}</span> {p.doc_number}</> },
    { key: "kind", header: t("people.kind"), render: (p) => t(`enums.personKind.${p.kind}`) },
    { key: "phone", header: t("people.phone"), render: (p) => dash(p.phone) },
    { key: "email", header: t("people.email"), render: (p) => dash(p.email) },
  ];

  return (
    <section className="page">
      <PageHeader title={t("people.title")}
        actions={writable && <Link className="button primary" to="/people/new">{t("people.new")}</Link>} />
      {writable && <CsvImport kind="residents" />}
      <ResourceList<Person> resource="people"
        caption={t("people.title")}
        searchLabel={t("people.search")}
        filters={[{ name: "kind", label: t("people.kind"), options: enumOptions(t, "personKind", PERSON_KINDS) }]}
        load={({ q, page, page_size, filters }) => people.list({
          q, page, page_size, kind: (filters.kind || "") as Person["kind"] | "",
        })}
        columns={columns}
        rowKey={(p) => p.id}
        rowLink={(p) => `/people/${p.id}`}
        emptyText={t("people.empty")}
      />
    </section>
  );
}
