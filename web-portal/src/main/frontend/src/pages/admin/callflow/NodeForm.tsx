import { Alert, Box, Button, Divider, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallFlowGraph, CallFlowNode, CallFlowViolation, NodeType } from '../../../api/config';
import { changeType, withExit, withParameter } from './graph';

interface Props {
  graph: CallFlowGraph;
  node: CallFlowNode;
  nodeTypes: readonly NodeType[];
  violations: readonly CallFlowViolation[];
  onChange(node: CallFlowNode): void;
  onRename(to: string): void;
  onRemove(): void;
  onMakeStart(): void;
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** One node's id, type, parameters (as its type describes them) and exits (to which node each leads). */
export function NodeForm({ graph, node, nodeTypes, violations, onChange, onRename, onRemove, onMakeStart }: Props) {
  const { t } = useTranslation();
  const type = nodeTypes.find((candidate) => candidate.type === node.type);
  const [id, setId] = useState(node.id);
  const [idError, setIdError] = useState<string | null>(null);
  useEffect(() => {
    setId(node.id);
    setIdError(null);
  }, [node.id]);

  const messageFor = (field: string) =>
    violations
      .filter((violation) => violation.field === field)
      .map((violation) => violation.message)
      .join('; ') || undefined;
  const general = violations.filter((violation) => violation.field === null || violation.field === 'exits' || !/^(id|type|parameters\.|exits\.)/.test(violation.field));

  const commitId = () => {
    const wanted = id.trim();
    if (wanted === node.id) return;
    if (!ID_PATTERN.test(wanted)) {
      setIdError(t('callFlow.idRule'));
      return;
    }
    if (graph.nodes.some((other) => other.id === wanted)) {
      setIdError(t('callFlow.idTaken', { id: wanted }));
      return;
    }
    setIdError(null);
    onRename(wanted);
  };

  const targets = graph.nodes.filter((other) => other.id !== '').map((other) => other.id);
  const unknownParameters = type === undefined ? [] : Object.keys(node.parameters).filter((name) => !type.parameters.some((p) => p.name === name));
  const unknownExits = type === undefined ? Object.keys(node.exits) : Object.keys(node.exits).filter((name) => !type.exits.includes(name));

  return (
    <Stack spacing={2} data-testid="callflow-node-form" data-node-id={node.id}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('callFlow.node', { id: node.id || '?' })}
      </Typography>
      {general.length > 0 && (
        <Alert severity="error" data-testid="callflow-node-problems">
          {general.map((violation) => (
            <div key={`${violation.field}-${violation.message}`}>{violation.message}</div>
          ))}
        </Alert>
      )}
      <TextField
        size="small"
        label={t('callFlow.nodeId')}
        value={id}
        onChange={(event) => setId(event.target.value)}
        onBlur={commitId}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commitId();
          }
        }}
        error={idError !== null || messageFor('id') !== undefined}
        helperText={idError ?? messageFor('id') ?? t('callFlow.idHint')}
        slotProps={{ htmlInput: { 'data-testid': 'callflow-node-id' } }}
      />
      <TextField
        select
        size="small"
        label={t('callFlow.nodeType')}
        value={node.type}
        onChange={(event) => onChange(changeType(node, nodeTypes.find((candidate) => candidate.type === event.target.value), event.target.value))}
        error={messageFor('type') !== undefined}
        helperText={messageFor('type')}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'callflow-node-type' }, inputLabel: { shrink: true } }}
      >
        {type === undefined && <option value={node.type}>{node.type || '?'}</option>}
        {nodeTypes.map((candidate) => (
          <option key={candidate.type} value={candidate.type}>
            {candidate.title}
          </option>
        ))}
      </TextField>

      {type !== undefined && type.parameters.length > 0 && (
        <>
          <Divider textAlign="left">
            <Typography variant="caption">{t('callFlow.parameters')}</Typography>
          </Divider>
          {type.parameters.map((parameter) => {
            const value = node.parameters[parameter.name];
            const message = messageFor(`parameters.${parameter.name}`);
            return (
              <TextField
                key={parameter.name}
                size="small"
                label={parameter.name}
                required={parameter.required}
                value={value === undefined ? '' : String(value)}
                onChange={(event) => onChange(withParameter(node, parameter.name, event.target.value))}
                error={message !== undefined}
                helperText={message ?? `${parameter.description} (${parameter.expects})`}
                slotProps={{ htmlInput: { 'data-testid': `callflow-param-${parameter.name}` } }}
              />
            );
          })}
        </>
      )}
      {unknownParameters.map((name) => (
        <TextField
          key={name}
          size="small"
          label={name}
          value={String(node.parameters[name])}
          error
          helperText={messageFor(`parameters.${name}`) ?? t('callFlow.unknownParameter')}
          onChange={(event) => onChange(withParameter(node, name, event.target.value))}
          slotProps={{ htmlInput: { 'data-testid': `callflow-param-${name}` } }}
        />
      ))}

      {((type?.exits.length ?? 0) > 0 || unknownExits.length > 0) && (
        <>
          <Divider textAlign="left">
            <Typography variant="caption">{t('callFlow.exits')}</Typography>
          </Divider>
          <Box sx={{ display: 'grid', gap: 1.5, gridTemplateColumns: 'repeat(auto-fill, minmax(9rem, 1fr))' }}>
            {[...(type?.exits ?? []), ...unknownExits].map((exit) => {
              const target = node.exits[exit] ?? '';
              const message = messageFor(`exits.${exit}`);
              return (
                <TextField
                  key={exit}
                  select
                  size="small"
                  label={exit}
                  value={target}
                  onChange={(event) => onChange(withExit(node, exit, event.target.value))}
                  error={message !== undefined}
                  helperText={message}
                  slotProps={{ select: { native: true }, htmlInput: { 'data-testid': `callflow-exit-${exit}` }, inputLabel: { shrink: true } }}
                >
                  <option value="">{t('callFlow.endCall')}</option>
                  {target !== '' && !targets.includes(target) && <option value={target}>{`${target} ?`}</option>}
                  {targets.map((candidate) => (
                    <option key={candidate} value={candidate}>
                      {candidate}
                    </option>
                  ))}
                </TextField>
              );
            })}
          </Box>
        </>
      )}

      <Stack direction="row" spacing={1}>
        <Button size="small" variant="outlined" onClick={onMakeStart} disabled={graph.start === node.id} data-testid="callflow-set-start">
          {graph.start === node.id ? t('callFlow.isStart') : t('callFlow.makeStart')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" color="error" onClick={onRemove} data-testid="callflow-delete-node">
          {t('callFlow.deleteNode')}
        </Button>
      </Stack>
    </Stack>
  );
}
