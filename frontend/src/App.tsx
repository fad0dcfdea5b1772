import { BrowserRouter, Route, Routes } from "react-router";
import { AuthProvider } from "./auth/AuthProvider";
import { PATHS, type Resource } from "./auth/permissions";
import { HomeRedirect, NotFoundPage, RequireAccess, RequireAuth } from "./components/Guards";
import { Layout } from "./components/Layout";
import { ResourceFormRoute, type ResourceFormConfig } from "./components/ResourceFormPage";
import { AttendancePage } from "./pages/admin/AttendancePage";
import { FaceDatasetsPage } from "./pages/admin/FaceDatasetsPage";
import { FaceModelsPage } from "./pages/admin/FaceModelsPage";
import { FinanceLedgerPage } from "./pages/admin/FinanceLedgerPage";
import { FinancePage } from "./pages/admin/FinancePage";
import { FinanceReportsPage } from "./pages/admin/FinanceReportsPage";
import { FinanceSettingsPage } from "./pages/admin/FinanceSettingsPage";
import { gateForm } from "./pages/admin/forms/gateForm";
import { personForm } from "./pages/admin/forms/personForm";
import { unitForm } from "./pages/admin/forms/unitForm";
import { userForm } from "./pages/admin/forms/userForm";
import { vehicleForm } from "./pages/admin/forms/vehicleForm";
import { GatesPage } from "./pages/admin/GatesPage";
import { PeoplePage } from "./pages/admin/PeoplePage";
import { UnitsPage } from "./pages/admin/UnitsPage";
import { UsersPage } from "./pages/admin/UsersPage";
import { VehiclesPage } from "./pages/admin/VehiclesPage";
import { VisitorKpisPage } from "./pages/admin/VisitorKpisPage";
import { GuardConsolePage } from "./pages/guard/GuardConsolePage";
import { VisitorDeskPage } from "./pages/guard/VisitorDeskPage";
import { KioskPage } from "./pages/kiosk/KioskPage";
import { LoginPage } from "./pages/LoginPage";
import { MyFinancePage } from "./pages/resident/MyFinancePage";
import { MyVisitorsPage } from "./pages/resident/MyVisitorsPage";

/** A list, a "new" form and an edit (or, read-only, detail) form for one resource. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each form has its own record type
function resourceRoutes(resource: Resource, List: () => React.JSX.Element, form: ResourceFormConfig<any, any, any>) {
  return [
    <Route key={`${resource}-list`} path={resource}
      element={<RequireAccess resource={resource}><List /></RequireAccess>} />,
    <Route key={`${resource}-new`} path={`${resource}/new`}
      element={<RequireAccess resource={resource} action="write"><ResourceFormRoute config={form} /></RequireAccess>} />,
    <Route key={`${resource}-item`} path={`${resource}/:id`}
      element={<RequireAccess resource={resource}><ResourceFormRoute config={form} /></RequireAccess>} />,
  ];
}

export function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          {/* The gate terminal: its own device token, no user session, no sidebar. */}
          <Route path="/kiosk" element={<KioskPage />} />
          <Route element={<RequireAuth><Layout /></RequireAuth>}>
            <Route index element={<HomeRedirect />} />
            {resourceRoutes("units", UnitsPage, unitForm)}
            {resourceRoutes("people", PeoplePage, personForm)}
            {resourceRoutes("users", UsersPage, userForm)}
            {resourceRoutes("vehicles", VehiclesPage, vehicleForm)}
            {resourceRoutes("gates", GatesPage, gateForm)}
            <Route path={PATHS.console.slice(1)}
              element={<RequireAccess resource="console"><GuardConsolePage /></RequireAccess>} />
            <Route path={PATHS.visitorDesk.slice(1)}
              element={<RequireAccess resource="visitorDesk"><VisitorDeskPage /></RequireAccess>} />
            <Route path={PATHS.visitorKpis.slice(1)}
              element={<RequireAccess resource="visitorKpis"><VisitorKpisPage /></RequireAccess>} />
            <Route path={PATHS.myVisitors.slice(1)}
              element={<RequireAccess resource="myVisitors"><MyVisitorsPage /></RequireAccess>} />
            <Route path={PATHS.attendance.slice(1)}
              element={<RequireAccess resource="attendance"><AttendancePage /></RequireAccess>} />
            <Route path={PATHS.faceDatasets.slice(1)}
              element={<RequireAccess resource="faceDatasets" action="write"><FaceDatasetsPage /></RequireAccess>} />
            <Route path={PATHS.faceModels.slice(1)}
              element={<RequireAccess resource="faceModels"><FaceModelsPage /></RequireAccess>} />
            <Route path={PATHS.finance.slice(1)}
              element={<RequireAccess resource="finance"><FinancePage /></RequireAccess>} />
            <Route path={`${PATHS.finance.slice(1)}/settings`}
              element={<RequireAccess resource="finance"><FinanceSettingsPage /></RequireAccess>} />
            <Route path={`${PATHS.finance.slice(1)}/ledger`}
              element={<RequireAccess resource="finance"><FinanceLedgerPage /></RequireAccess>} />
            <Route path={`${PATHS.finance.slice(1)}/reports`}
              element={<RequireAccess resource="finance"><FinanceReportsPage /></RequireAccess>} />
            <Route path={PATHS.myFinance.slice(1)}
              element={<RequireAccess resource="myFinance"><MyFinancePage /></RequireAccess>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </AuthProvider>
    </BrowserRouter>
  );
}
