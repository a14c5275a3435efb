import type { ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { AgentDesktopPage } from './pages/agent/AgentDesktopPage';
import { HomePage } from './pages/HomePage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PlaceholderPage } from './pages/PlaceholderPage';
import { RequireRole, RequireSession } from './session/guards';
import { NAV_ITEMS } from './session/navigation';

/** Only users with a role the navigation names for `path` see `page`. */
function forRolesOf(path: string, page: ReactNode) {
  const roles = NAV_ITEMS.find((item) => item.path === path)?.roles ?? [];
  return <RequireRole roles={roles}>{page}</RequireRole>;
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
        <Route path="supervisor" element={forRolesOf('/supervisor', <PlaceholderPage page="supervisor" />)} />
        <Route path="wallboard" element={forRolesOf('/wallboard', <PlaceholderPage page="wallboard" />)} />
        <Route path="admin/*" element={forRolesOf('/admin', <PlaceholderPage page="admin" />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
