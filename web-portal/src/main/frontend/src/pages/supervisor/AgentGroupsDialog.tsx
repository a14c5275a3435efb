import { Button, Checkbox, Dialog, DialogActions, DialogContent, DialogTitle, FormControlLabel, FormGroup, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../api/supervision';

interface Props {
  extension: string | null;
  name: string | null;
  groups: QueueItem[];
  memberOf: readonly string[];
  busy: ReadonlySet<string>;
  onToggle(groupId: number, member: boolean): void;
  onClose(): void;
}

/** Adds an agent to the supervisor's groups or removes it, one click per group. */
export function AgentGroupsDialog({ extension, name, groups, memberOf, busy, onToggle, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Dialog open={extension !== null} onClose={onClose} data-testid="agent-groups-dialog" fullWidth maxWidth="xs">
      <DialogTitle>{t('supervisor.groupsOf', { agent: name ?? extension ?? '' })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {t('supervisor.groupsHint')}
        </Typography>
        <FormGroup>
          {groups.map((group) => {
            const member = memberOf.includes(group.group);
            return (
              <FormControlLabel
                key={group.groupId}
                label={group.group}
                control={
                  <Checkbox
                    checked={member}
                    disabled={extension === null || busy.has(`group:${group.groupId}:${extension}`)}
                    onChange={(event) => onToggle(group.groupId, event.target.checked)}
                    slotProps={{ input: { 'data-testid': `agent-group-${group.group}` } as object }}
                  />
                }
              />
            );
          })}
        </FormGroup>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} data-testid="agent-groups-close">
          {t('common.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
