import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { AgentDesktopPage } from './pages/agent/AgentDesktopPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SupervisorPage } from './pages/supervisor/SupervisorPage';
import { FullPageProgress, RequireRole, RequireSession } from './session/guards';
import { NAV_ITEMS } from './session/navigation';

// The wallboard and reports (with their chart library) and the administration load when first opened: agents never need them.
const WallboardPage = lazy(() => import('./pages/wallboard/WallboardPage').then((module) => ({ default: module.WallboardPage })));
const ReportsPage = lazy(() => import('./pages/reports/ReportsPage').then((module) => ({ default: module.ReportsPage })));
const AdminPage = lazy(() => import('./pages/admin/AdminPage').then((module) => ({ default: module.AdminPage })));

/** Only users with a role the navigation names for `path` see `page`. */
function forRolesOf(path: string, page: ReactNode) {
  const roles = NAV_ITEMS.find((item) => item.path === path)?.roles ?? [];
  return (
    <RequireRole roles={roles}>
      <Suspense fallback={<FullPageProgress />}>{page}</Suspense>
    </RequireRole>
  );
}

/**
 * The browser routes. Each is also a real address: the portal's AppShellFilter answers these
 * paths with index.html, so deep links and reloads work.
 */
export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="agent" element={forRolesOf('/agent', <AgentDesktopPage />)} />
        <Route path="supervisor" element={forRolesOf('/supervisor', <SupervisorPage />)} />
        <Route path="wallboard" element={forRolesOf('/wallboard', <WallboardPage />)} />
        <Route path="reports" element={forRolesOf('/reports', <ReportsPage />)} />
        <Route path="admin/*" element={forRolesOf('/admin', <AdminPage />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
