import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./locales/en";
import es from "./locales/es";
import pt from "./locales/pt";

export const LANGUAGES = [
  { code: "es", label: "Español" },
  { code: "pt", label: "Português" },
  { code: "en", label: "English" },
] as const;
export type Language = (typeof LANGUAGES)[number]["code"];

export const DEFAULT_LANGUAGE: Language = "es";
export const resources = { es: { translation: es }, pt: { translation: pt }, en: { translation: en } };
const STORAGE_KEY = "conserje.language";

function isLanguage(value: string | null): value is Language {
  return LANGUAGES.some((lang) => lang.code === value);
}

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    if (isLanguage(value)) return value;
  } catch {
    /* no storage: default language */
  }
  return DEFAULT_LANGUAGE;
}

export async function setLanguage(language: Language) {
  await i18n.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    /* not persisted */
  }
}

i18n.on("languageChanged", (language) => {
  if (typeof document !== "undefined") document.documentElement.lang = language;
});

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: LANGUAGES.map((lang) => lang.code),
  interpolation: { escapeValue: false }, // React escapes
});

export default i18n;
