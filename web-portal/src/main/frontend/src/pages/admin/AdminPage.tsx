import { Box, List, ListItemButton, ListItemText, Paper, Stack, Typography } from '@mui/material';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';
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

/** The tenant admin's configuration: a navigation of the sections, each a list with edit forms. */
export function AdminPage() {
  const { t } = useTranslation();
  const location = useLocation();
  // The call-flow editor needs the room of the whole page.
  const wide = location.pathname.startsWith('/admin/call-flows/');

  return (
    <Stack spacing={2} data-testid="page-admin">
      <Typography variant="h4" component="h1">
        {t('pages.admin.title')}
      </Typography>
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
        <Box sx={{ minWidth: 0 }}>
          <Routes>
            <Route index element={<Navigate to="groups" replace />} />
            {ADMIN_SECTIONS.map((section) => {
              const Section = SECTION_PAGES[section];
              return <Route key={section} path={`${section}/*`} element={<Section />} />;
            })}
            <Route path="*" element={<NotFoundPage />} />
          </Routes>
        </Box>
      </Box>
    </Stack>
  );
}
