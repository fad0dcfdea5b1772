import { useTranslation } from "react-i18next";

/** The identity documents a visitor may show (check digits are validated by the API). */
export const VISITOR_DOC_TYPES = ["rut", "cpf", "rg", "dni", "ci", "passport", "cnh", "other"];

type Key = "first_name" | "last_name" | "doc_type";

/** Name and document type of a visitor, as the walk-in and pre-registration forms ask. */
export function VisitorNameFields({ values, bind }: {
  values: Record<Key, string>;
  bind(key: Key): (event: { target: { value: string } }) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <label className="field">{t("visitors.firstName")}<input value={values.first_name} onChange={bind("first_name")} required /></label>
      <label className="field">{t("visitors.lastName")}<input value={values.last_name} onChange={bind("last_name")} required /></label>
      <label className="field">{t("visitors.docType")}
        <select value={values.doc_type} onChange={bind("doc_type")}>
          {VISITOR_DOC_TYPES.map((d) => <option key={d} value={d}>{d.toUpperCase()}</option>)}
        </select>
      </label>
    </>
  );
}
