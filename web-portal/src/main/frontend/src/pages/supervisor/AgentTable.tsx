import {
  Button,
  Chip,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentStateDocument, AgentStateRequest } from '../../api/agents';
import type { PauseReason } from '../../api/pauseReasons';
import { formatDuration, secondsSince } from '../agent/duration';
import { reasonLabel } from '../agent/usePauseReasons';
import { AgentActionsMenu } from './AgentActionsMenu';
import { AgentStateChip } from './AgentStateChip';

interface Props {
  agents: AgentStateDocument[];
  nameOf(extension: string): string | null;
  groupsOf(extension: string): string[];
  reasons: PauseReason[] | null;
  choosableReasons: PauseReason[];
  now: number;
  busy: ReadonlySet<string>;
  loaded: boolean;
  onChangeState(extension: string, request: AgentStateRequest): void;
  onEditGroups(extension: string): void;
  onOpenCall(callId: string): void;
}

/** Every agent the supervisor may see, with its live state, the time in it, and what can be done. */
export function AgentTable(props: Props) {
  const { agents, nameOf, groupsOf, reasons, choosableReasons, now, busy, loaded } = props;
  const { t } = useTranslation();
  const [filter, setFilter] = useState('');
  const needle = filter.trim().toLowerCase();
  const shown =
    needle === ''
      ? agents
      : agents.filter(
          (agent) =>
            agent.extension.includes(needle) ||
            (nameOf(agent.extension) ?? '').toLowerCase().includes(needle) ||
            groupsOf(agent.extension).some((group) => group.toLowerCase().includes(needle)),
        );

  return (
    <Paper variant="outlined">
      <Stack direction="row" sx={{ p: 1.5, justifyContent: 'flex-end' }}>
        <TextField
          size="small"
          label={t('supervisor.filterAgents')}
          value={filter}
          onChange={(event) => setFilter(event.target.value)}
          slotProps={{ htmlInput: { 'data-testid': 'agent-filter' } }}
        />
      </Stack>
      <TableContainer>
        <Table size="small" data-testid="agent-table" aria-label={t('supervisor.agents')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('supervisor.extension')}</TableCell>
              <TableCell>{t('supervisor.name')}</TableCell>
              <TableCell>{t('supervisor.state')}</TableCell>
              <TableCell align="right">{t('supervisor.timeInState')}</TableCell>
              <TableCell>{t('supervisor.reason')}</TableCell>
              <TableCell>{t('supervisor.call')}</TableCell>
              <TableCell>{t('supervisor.groups')}</TableCell>
              <TableCell align="right">{t('supervisor.actions')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shown.map((agent) => {
              const ext = agent.extension;
              const groups = groupsOf(ext);
              return (
                <TableRow key={ext} data-testid={`agent-row-${ext}`} data-state={agent.state}>
                  <TableCell component="th" scope="row" sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {ext}
                  </TableCell>
                  <TableCell data-testid={`agent-name-${ext}`}>{nameOf(ext) ?? ''}</TableCell>
                  <TableCell>
                    <AgentStateChip state={agent.state} testId={`agent-state-${ext}`} />
                  </TableCell>
                  <TableCell align="right" data-testid={`agent-time-${ext}`} sx={{ fontVariantNumeric: 'tabular-nums' }}>
                    {formatDuration(secondsSince(agent.since, now))}
                  </TableCell>
                  <TableCell data-testid={`agent-reason-${ext}`}>
                    {agent.state === 'PAUSED' ? reasonLabel(reasons, agent.reason ?? null) ?? '' : ''}
                  </TableCell>
                  <TableCell>
                    {agent.callId != null && (
                      <Link
                        component="button"
                        type="button"
                        variant="body2"
                        onClick={() => props.onOpenCall(agent.callId!)}
                        data-testid={`agent-call-${ext}`}
                        data-call-id={agent.callId}
                        sx={{ fontFamily: 'monospace' }}
                      >
                        {agent.callId}
                      </Link>
                    )}
                  </TableCell>
                  <TableCell data-testid={`agent-memberships-${ext}`}>
                    <Stack direction="row" spacing={0.5} sx={{ flexWrap: 'wrap', gap: 0.5 }}>
                      {groups.map((group) => (
                        <Chip key={group} size="small" variant="outlined" label={group} />
                      ))}
                    </Stack>
                  </TableCell>
                  <TableCell align="right">
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      <AgentActionsMenu
                        agent={agent}
                        reasons={choosableReasons}
                        busy={busy.has(`state:${ext}`)}
                        onChange={(request) => props.onChangeState(ext, request)}
                      />
                      <Button size="small" variant="outlined" onClick={() => props.onEditGroups(ext)} data-testid={`agent-groups-${ext}`}>
                        {t('supervisor.groups')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
            {loaded && shown.length === 0 && (
              <TableRow>
                <TableCell colSpan={8} data-testid="agent-table-empty">
                  {t('supervisor.noAgents')}
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
    </Paper>
  );
}
