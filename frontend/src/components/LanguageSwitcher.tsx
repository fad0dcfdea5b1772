import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, setLanguage, type Language } from "../i18n";

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <span className="language-switcher">
      <label htmlFor={id} className="sr-only">{t("common.language")}</label>
      <select id={id} value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(e) => void setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((lang) => <option key={lang.code} value={lang.code} lang={lang.code}>{lang.label}</option>)}
      </select>
    </span>
  );
}
