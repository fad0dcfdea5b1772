import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useNavigate } from "react-router";
import { ApiError, formatApiError, type FieldErrors } from "../api/errors";
import { useAuth } from "../auth/AuthProvider";
import { homePathFor } from "../auth/permissions";
import { Banner } from "../components/Banner";
import { TextField } from "../components/Field";
import { LanguageSwitcher } from "../components/LanguageSwitcher";
import { usePageTitle } from "../hooks/usePageTitle";

export function LoginPage() {
  const { t } = useTranslation();
  usePageTitle(t("login.title"));
  const { status, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  if (status === "authenticated" && !busy) return <Navigate to={from ?? "/"} replace />;

  async function submit() {
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const me = await login(email.trim(), password);
      navigate(from && from !== "/login" ? from : homePathFor(me.capabilities) ?? "/", { replace: true });
    } catch (err) {
      setError(formatApiError(err, t, "login"));
      if (err instanceof ApiError) setFieldErrors(err.fieldErrors);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="login-page">
      <div className="login-language"><LanguageSwitcher /></div>
      <main className="login-card">
        <div className="brand brand-dark">
          <svg viewBox="0 0 32 32" width="36" height="36" aria-hidden="true">
            <rect width="32" height="32" rx="7" fill="#1f4e79" />
            <path d="M8 26V13l8-6 8 6v13h-6v-7h-4v7z" fill="#fff" />
          </svg>
          <span>Conserje</span>
        </div>
        <h1>{t("login.title")}</h1>
        <p className="muted">{t("login.subtitle")}</p>
        <Banner kind="error">{error}</Banner>
        <form onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }} noValidate>
          <TextField label={t("login.email")} type="email" autoComplete="username" required
            value={email} onChange={setEmail} errors={fieldErrors.email} autoFocus />
          <TextField label={t("login.password")} type="password" autoComplete="current-password" required
            value={password} onChange={setPassword} errors={fieldErrors.password} />
          <button type="submit" className="button primary block" disabled={busy || !email || !password}>
            {busy ? t("login.submitting") : t("login.submit")}
          </button>
        </form>
      </main>
    </div>
  );
}
