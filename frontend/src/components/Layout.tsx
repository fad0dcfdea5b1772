import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink, Outlet, useNavigate } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { navItemsFor } from "../auth/permissions";
import { LanguageSwitcher } from "./LanguageSwitcher";

function CondominiumSwitcher() {
  const { t } = useTranslation();
  const { me, switchCondominium } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  if (!me) return null;
  if (me.condominiums.length <= 1) {
    return <span className="condominium-name">{me.condominium.name}</span>;
  }
  return (
    <span className="condominium-switcher">
      <label htmlFor={id} className="sr-only">{t("header.condominium")}</label>
      <select id={id} value={me.condominium.id} onChange={async (e) => {
        await switchCondominium(Number(e.target.value));
        navigate("/", { replace: true });
      }}>
        {me.condominiums.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
      </select>
    </span>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { me, capabilities, logout } = useAuth();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const items = navItemsFor(capabilities);

  return (
    <div className={`app-shell${menuOpen ? " menu-open" : ""}`}>
      <a className="skip-link" href="#main">{t("common.skipToContent")}</a>
      <aside className="sidebar">
        <div className="brand">
          <svg viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#fff" fillOpacity=".14" />
            <path d="M8 26V13l8-6 8 6v13h-6v-7h-4v7z" fill="#fff" />
          </svg>
          <span>Conserje</span>
        </div>
        <nav aria-label={t("nav.main")}>
          <ul>
            {items.map((item) => (
              <li key={item.resource}>
                <NavLink to={item.path} onClick={() => setMenuOpen(false)}>
                  {t(item.labelKey)}
                  {item.readOnly && (
                    <span className="read-only-mark" title={t("common.readOnly")}>
                      <svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true">
                        <path fill="currentColor" d="M4 7V5a4 4 0 1 1 8 0v2h.5A1.5 1.5 0 0 1 14 8.5v5a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 13.5v-5A1.5 1.5 0 0 1 3.5 7zm2 0h4V5a2 2 0 1 0-4 0z" />
                      </svg>
                      <span className="sr-only">({t("common.readOnly")})</span>
                    </span>
                  )}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </aside>
      <div className="main-column">
        <header className="topbar">
          <button type="button" className="button menu-button" aria-expanded={menuOpen}
            onClick={() => setMenuOpen((open) => !open)}>
            {t("nav.menu")}
          </button>
          <CondominiumSwitcher />
          <span className="topbar-spacer" />
          <LanguageSwitcher />
          <span className="user-email" title={t("header.signedInAs")}>{me?.email}</span>
          <button type="button" className="button" onClick={async () => {
            await logout();
            navigate("/login", { replace: true });
          }}>
            {t("header.logout")}
          </button>
        </header>
        <main id="main" tabIndex={-1}>
          <Outlet key={me?.condominium.id} />
        </main>
      </div>
    </div>
  );
}
