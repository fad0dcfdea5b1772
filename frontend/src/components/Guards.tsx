import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation } from "react-router";
import { useAuth } from "../auth/AuthProvider";
import { can, homePathFor, type Action, type Resource } from "../auth/permissions";

export function Loading() {
  const { t } = useTranslation();
  return <div className="loading" role="status">{t("common.loading")}</div>;
}

/** Signed-in users only; the others go to the login page and come back after it. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === "loading") return <Loading />;
  if (status === "anonymous") return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return children;
}

/** A page for the users who may read (or write) `resource`. */
export function RequireAccess({ resource, action = "read", children }: {
  resource: Resource;
  action?: Action;
  children: ReactNode;
}) {
  const { capabilities } = useAuth();
  if (!can(capabilities, resource, action)) return <NotAllowed />;
  return children;
}

export function NotAllowed() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("errors.notAllowedTitle")}</h1>
      <p>{t("errors.notAllowed")}</p>
    </section>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <h1>{t("errors.pageNotFoundTitle")}</h1>
      <p>{t("errors.pageNotFound")}</p>
    </section>
  );
}

/** `/`: the first section the user may open. */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { capabilities } = useAuth();
  const home = homePathFor(capabilities);
  if (home) return <Navigate to={home} replace />;
  return (
    <section className="page">
      <h1>{t("home.welcome")}</h1>
      <p>{t("home.noSections")}</p>
    </section>
  );
}
