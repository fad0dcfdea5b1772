import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { usePageTitle } from "../hooks/usePageTitle";
import { Banner } from "./Banner";

/** Page title and actions; shows a one-off confirmation passed with navigation state. */
export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  usePageTitle(title);
  const location = useLocation();
  const state = location.state as { flash?: string; flashError?: string } | null;
  return (
    <>
      <header className="page-header">
        <div>
          <h1>{title}</h1>
          {children}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      <Banner kind="success">{state?.flash}</Banner>
      <Banner kind="error">{state?.flashError}</Banner>
    </>
  );
}
