import { Alert, Box, CircularProgress, List, ListItemButton, ListItemText, Paper, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useMemo, useRef, useState, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation, useNavigate } from 'react-router';
import { adminApi, tenantApi } from '../../api';
import { errorText } from '../../api/errorText';
import type { TenantDocument } from '../../api/tenants';
import { useSession } from '../../session/SessionContext';
import { NotFoundPage } from '../NotFoundPage';
import { ApiTokensSection } from './sections/ApiTokensSection';
import { AuditLogSection } from './sections/AuditLogSection';
import { CallFlowsSection } from './sections/CallFlowsSection';
import { DispositionsSection } from './sections/DispositionsSection';
import { GroupsSection } from './sections/GroupsSection';
import { OpeningHoursSection } from './sections/OpeningHoursSection';
import { PauseReasonsSection } from './sections/PauseReasonsSection';
import { PromptsSection } from './sections/PromptsSection';
import { ServiceNumbersSection } from './sections/ServiceNumbersSection';
import { SkillsSection } from './sections/SkillsSection';
import { TenantSection } from './sections/TenantSection';
import { UsersSection } from './sections/UsersSection';
import { AdminTenantContext, type AdminTenant } from './AdminTenant';
import { ADMIN_TENANT_STORAGE_KEY, initialTenant, manageableTenants, picksTenant, sectionOf } from './adminTenant';

/** The sections of the administration, in the order of its navigation; each is `/admin/<section>`. */
export const ADMIN_SECTIONS = [
  'groups',
  'call-flows',
  'prompts',
  'service-numbers',
  'opening-hours',
  'skills',
  'pause-reasons',
  'dispositions',
  'users',
  'api-tokens',
  'tenant',
  'audit',
] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

const SECTION_PAGES: Record<AdminSection, ComponentType> = {
  groups: GroupsSection,
  'call-flows': CallFlowsSection,
  prompts: PromptsSection,
  'service-numbers': ServiceNumbersSection,
  'opening-hours': OpeningHoursSection,
  skills: SkillsSection,
  'pause-reasons': PauseReasonsSection,
  dispositions: DispositionsSection,
  users: UsersSection,
  'api-tokens': ApiTokensSection,
  tenant: TenantSection,
  audit: AuditLogSection,
};

function rememberedTenant(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(ADMIN_TENANT_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

function rememberTenant(key: string): void {
  try {
    globalThis.sessionStorage?.setItem(ADMIN_TENANT_STORAGE_KEY, key);
  } catch {
    // Private mode: the pick lasts until the next reload.
  }
}

/**
 * A tenant's configuration: a navigation of the sections, each a list with edit forms. A tenant
 * admin configures its own tenant; a system administrator or reseller first picks the tenant,
 * and every section then reads and changes that one (`?tenant=`, checked by the server).
 */
export function AdminPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const session = useSession();
  const picks = picksTenant(session.roles);
  const [tenants, setTenants] = useState<TenantDocument[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // The call-flow editor needs the room of the whole page.
  const wide = location.pathname.startsWith('/admin/call-flows/');
  // Read when the list fails to load; a change of language does not pick the tenant again.
  const tRef = useRef(t);
  tRef.current = t;

  useEffect(() => {
    adminApi.addressTenant(null);
    setChosen(null);
    setTenants(null);
    if (!picks) return;
    const abort = new AbortController();
    tenantApi
      .list(abort.signal)
      .then((list) => {
        const offered = manageableTenants(list, session.roles, session.tenant);
        const key = initialTenant(offered, session.tenant, rememberedTenant());
        adminApi.addressTenant(key);
        setTenants(offered);
        setChosen(key);
      })
      .catch((error: unknown) => {
        if (!abort.signal.aborted) setLoadError(errorText(error, tRef.current));
      });
    return () => {
      abort.abort();
      adminApi.addressTenant(null);
    };
  }, [picks, session.roles, session.tenant]);

  const adminTenant = useMemo<AdminTenant>(
    () => ({ key: chosen ?? session.tenant, document: tenants?.find((tenant) => tenant.key === chosen) ?? null }),
    [chosen, tenants, session.tenant],
  );

  const pick = (key: string) => {
    // Before the sections mount again for the new tenant, so their first requests already name it.
    adminApi.addressTenant(key);
    rememberTenant(key);
    setChosen(key);
    const section = sectionOf(location.pathname);
    if (section !== null && location.pathname !== `/admin/${section}`) {
      // An entry of the tenant left behind is not the new tenant's: back to the section's list.
      navigate(`/admin/${section}`);
    }
  };

  let content;
  if (loadError !== null) {
    content = (
      <Alert severity="error" data-testid="admin-tenant-error">
        {loadError}
      </Alert>
    );
  } else if (picks && tenants === null) {
    content = (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  } else if (picks && chosen === null) {
    content = (
      <Alert severity="info" data-testid="admin-tenant-none">
        {t('admin.noTenant')}
      </Alert>
    );
  } else {
    content = (
      <AdminTenantContext.Provider value={adminTenant}>
        <Routes key={adminTenant.key}>
          <Route index element={<Navigate to="groups" replace />} />
          {ADMIN_SECTIONS.map((section) => {
            const Section = SECTION_PAGES[section];
            return <Route key={section} path={`${section}/*`} element={<Section />} />;
          })}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </AdminTenantContext.Provider>
    );
  }

  return (
    <Stack spacing={2} data-testid="page-admin" data-tenant={picks ? (chosen ?? '') : session.tenant}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' }, justifyContent: 'space-between' }}>
        <Typography variant="h4" component="h1">
          {t('pages.admin.title')}
        </Typography>
        {picks && tenants !== null && tenants.length > 0 && (
          <TextField
            select
            size="small"
            label={t('admin.tenant')}
            value={chosen ?? ''}
            onChange={(event) => pick(event.target.value)}
            sx={{ minWidth: 260 }}
            slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'admin-tenant-select' } }}
          >
            {tenants.map((tenant) => (
              <option key={tenant.key} value={tenant.key}>
                {tenant.name} ({tenant.key})
              </option>
            ))}
          </TextField>
        )}
      </Stack>
      <Box sx={{ display: 'grid', gap: 3, gridTemplateColumns: { xs: '1fr', md: wide ? '1fr' : '220px 1fr' }, alignItems: 'start' }}>
        <Paper variant="outlined" component="nav" aria-label={t('admin.navigation')} sx={{ display: wide ? { md: 'none' } : undefined }}>
          <List dense disablePadding data-testid="admin-nav">
            {ADMIN_SECTIONS.map((section) => (
              <ListItemButton
                key={section}
                component={NavLink}
                to={`/admin/${section}`}
                data-testid={`admin-nav-${section}`}
                sx={{ '&.active': { bgcolor: 'action.selected', fontWeight: 600 } }}
              >
                <ListItemText primary={t(`admin.sections.${section}`)} />
              </ListItemButton>
            ))}
          </List>
        </Paper>
        <Box sx={{ minWidth: 0 }}>{content}</Box>
      </Box>
    </Stack>
  );
}
