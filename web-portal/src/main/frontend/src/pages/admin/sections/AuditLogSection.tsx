import { Box, MenuItem, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { auditApi } from '../../../api';
import { describeSummary, type AuditEvent } from '../../../api/audit';
import type { PageQuery } from '../../../api/page';
import { EntityList, type Column } from '../forms/EntityList';

/** The kinds of things the audit log names, for the filter; the API accepts any. */
const ENTITY_TYPES = [
  'group',
  'agent',
  'user',
  'api-token',
  'call-flow',
  'prompt',
  'service-number',
  'opening-hours',
  'skill',
  'pause-reason',
  'disposition',
  'webhook',
  'kpi-definition',
  'tenant',
  'caller-data',
] as const;

/** `datetime-local` (the browser's zone) as an ISO instant; undefined when empty or unreadable. */
function instant(local: string): string | undefined {
  if (local === '') return undefined;
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * The audit log: who changed what, when and from where, newest first. The list's filter box
 * searches the actor; the kind of thing and a period narrow it further.
 */
export function AuditLogSection() {
  const { t, i18n } = useTranslation();
  const [entityType, setEntityType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const resource = useMemo(
    () => ({
      list: (query: PageQuery, signal?: AbortSignal) =>
        auditApi.list(
          {
            offset: query.offset,
            limit: query.limit,
            actor: typeof query.q === 'string' && query.q !== '' ? query.q : undefined,
            entityType: entityType === '' ? undefined : entityType,
            from: instant(from),
            to: instant(to),
          },
          signal,
        ),
    }),
    [entityType, from, to],
  );

  const columns: Column<AuditEvent>[] = [
    {
      label: t('audit.time'),
      render: (event) => new Date(event.occurredAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'medium' }),
    },
    {
      label: t('audit.who'),
      render: (event) => (
        <>
          {event.actorName}
          <Typography variant="caption" component="div" color="text.secondary">
            {[event.actorKind === 'TOKEN' ? t('audit.token') : null, event.actorRoles, event.tenant].filter(Boolean).join(' · ')}
          </Typography>
        </>
      ),
    },
    { label: t('audit.where'), render: (event) => event.clientAddress ?? '–' },
    {
      label: t('audit.what'),
      render: (event) => (
        <>
          {t(`audit.actions.${event.action}`)} {event.entityType}
          {event.entityId != null ? ` ${event.entityId}` : ''}
          <Typography variant="caption" component="div" color="text.secondary" sx={{ wordBreak: 'break-word' }} data-testid="audit-summary">
            {describeSummary(event.summary)}
          </Typography>
        </>
      ),
    },
  ];

  return (
    <EntityList
      title={t('admin.sections.audit')}
      resource={resource}
      columns={columns}
      rowKey={(event) => String(event.id)}
      header={() => (
        <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: '1fr 1fr 1fr' } }} data-testid="audit-filters">
          <TextField
            select
            size="small"
            label={t('audit.entityType')}
            value={entityType}
            onChange={(event) => setEntityType(event.target.value)}
            slotProps={{ htmlInput: { 'data-testid': 'audit-entity-type' } }}
          >
            <MenuItem value="">{t('audit.anyEntityType')}</MenuItem>
            {ENTITY_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {type}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            type="datetime-local"
            label={t('audit.from')}
            value={from}
            onChange={(event) => setFrom(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            type="datetime-local"
            label={t('audit.to')}
            value={to}
            onChange={(event) => setTo(event.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Typography variant="body2" color="text.secondary" sx={{ gridColumn: { md: '1 / -1' } }}>
            {t('audit.hint')}
          </Typography>
        </Box>
      )}
    />
  );
}
