import {
  Alert,
  AlertTitle,
  Box,
  Button,
  Chip,
  CircularProgress,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router';
import { configApi } from '../../../api';
import type { CallFlowDocument, CallFlowGraph, CallFlowVersion, CallFlowViolation, CheckResult, NodeType } from '../../../api/config';
import { errorText } from '../../../api/errorText';
import { fieldProblemsOf, isStaleVersion } from '../../../api/fieldErrors';
import { CallFlowDiagram } from './CallFlowDiagram';
import { addNode, findNode, formatGraph, parseGraph, publishProblems, removeNode, renameNode, STARTER_GRAPH, updateNode, violationsByNode } from './graph';
import { NodeForm } from './NodeForm';

const LIST = '/admin/call-flows';
/** The check runs this long after the last change. */
const CHECK_DELAY_MS = 500;

type CheckState = { status: 'idle' | 'checking' } | { status: 'done'; result: CheckResult } | { status: 'failed'; error: string };

function formatInstant(iso: string | null | undefined, language: string): string {
  if (iso == null) return '–';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(language, { dateStyle: 'short', timeStyle: 'short' });
}

/**
 * The call-flow editor: the graph as a diagram and as JSON (either can be edited), node forms
 * driven by the node catalogue, a live check while editing, publish (a new version) and the
 * versions with activate (rollback).
 */
export function CallFlowEditor() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { id } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const isNew = id === undefined || id === 'new';

  const [flow, setFlow] = useState<CallFlowDocument | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [loading, setLoading] = useState(!isNew);
  const [nodeTypes, setNodeTypes] = useState<NodeType[]>([]);
  const [versions, setVersions] = useState<CallFlowVersion[]>([]);
  const [name, setName] = useState('');
  const [text, setText] = useState(() => formatGraph(STARTER_GRAPH));
  const [savedText, setSavedText] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [check, setCheck] = useState<CheckState>({ status: 'idle' });
  const [publishing, setPublishing] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [publishViolations, setPublishViolations] = useState<CallFlowViolation[] | null>(null);
  const [failure, setFailure] = useState<string[]>([]);
  const [stale, setStale] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(() =>
    (location.state as { published?: boolean } | null)?.published === true ? t('callFlow.published') : null,
  );
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((value) => value + 1), []);

  useEffect(() => {
    const abort = new AbortController();
    configApi.callFlows
      .nodeTypes(abort.signal)
      .then(setNodeTypes)
      .catch(() => undefined);
    return () => abort.abort();
  }, []);

  useEffect(() => {
    if (isNew) return undefined;
    const abort = new AbortController();
    setLoading(true);
    Promise.all([configApi.callFlows.get(id!, abort.signal), configApi.callFlows.versions(id!, abort.signal).catch(() => [] as CallFlowVersion[])])
      .then(([loaded, loadedVersions]) => {
        const formatted = formatGraph(loaded.graph ?? STARTER_GRAPH);
        setFlow(loaded);
        setVersions([...loadedVersions].sort((a, b) => b.version - a.version));
        setName(loaded.name);
        setText(formatted);
        setSavedText(formatted);
        setStale(null);
        setLoadError(null);
        setLoading(false);
      })
      .catch((error: unknown) => {
        if (abort.signal.aborted) return;
        setLoadError(errorText(error, t));
        setLoading(false);
      });
    return () => abort.abort();
  }, [id, isNew, generation, t]);

  const parsed = useMemo(() => parseGraph(text), [text]);
  const graph: CallFlowGraph | null = parsed.graph;
  const typeMap = useMemo(() => new Map(nodeTypes.map((type) => [type.type, type])), [nodeTypes]);

  // The live check: a moment after the last change, on what the text says now.
  const checkRun = useRef(0);
  useEffect(() => {
    if (graph === null) {
      setCheck({ status: 'idle' });
      return undefined;
    }
    const run = ++checkRun.current;
    const abort = new AbortController();
    setCheck({ status: 'checking' });
    const timer = setTimeout(() => {
      configApi.callFlows
        .check(graph, abort.signal)
        .then((result) => {
          if (run === checkRun.current) setCheck({ status: 'done', result });
        })
        .catch((error: unknown) => {
          if (!abort.signal.aborted && run === checkRun.current) setCheck({ status: 'failed', error: errorText(error, t) });
        });
    }, CHECK_DELAY_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [graph, t]);

  const violations: CallFlowViolation[] = publishViolations ?? (check.status === 'done' ? check.result.violations : []);
  const byNode = useMemo(() => violationsByNode(violations), [violations]);
  const valid = check.status === 'done' ? check.result.valid : null;
  const dirty = savedText === null || text !== savedText || (flow !== null && name !== flow.name);

  const editGraph = (change: (current: CallFlowGraph) => CallFlowGraph) => {
    if (graph === null) return;
    setPublishViolations(null);
    setText(formatGraph(change(graph)));
  };

  const selectedNode = graph !== null && selected !== null ? findNode(graph, selected) : undefined;

  const publish = async () => {
    if (graph === null) return;
    setPublishing(true);
    setNameError(null);
    setFailure([]);
    setStale(null);
    setNotice(null);
    setPublishViolations(null);
    try {
      if (isNew) {
        const created = await configApi.callFlows.create({ name: name.trim(), graph });
        navigate(`${LIST}/${created.id}`, { replace: true, state: { published: true } });
        return;
      }
      await configApi.callFlows.replace(id!, { name: name.trim(), graph }, flow?.version ?? 0);
      setNotice(t('callFlow.published'));
      reload();
    } catch (error) {
      if (isStaleVersion(error)) {
        setStale(errorText(error, t));
      } else {
        const problems = fieldProblemsOf(error);
        if (problems.length > 0) {
          const sorted = publishProblems(problems, graph.nodes.map((node) => node.id));
          setNameError(sorted.name);
          setPublishViolations(sorted.violations);
          setFailure(sorted.other);
        } else {
          setFailure([errorText(error, t)]);
        }
      }
    } finally {
      setPublishing(false);
    }
  };

  const activate = async (version: number) => {
    setFailure([]);
    setNotice(null);
    try {
      await configApi.callFlows.activate(id!, version);
      setNotice(t('callFlow.activated', { version }));
      reload();
    } catch (error) {
      setFailure([errorText(error, t)]);
    }
  };

  const loadVersion = async (version: number) => {
    setFailure([]);
    try {
      const loaded = await configApi.callFlows.version(id!, version);
      if (loaded.graph !== undefined) {
        setPublishViolations(null);
        setText(formatGraph(loaded.graph));
        setNotice(t('callFlow.versionLoaded', { version }));
      }
    } catch (error) {
      setFailure([errorText(error, t)]);
    }
  };

  if (loading) {
    return (
      <Box sx={{ display: 'grid', placeItems: 'center', py: 6 }}>
        <CircularProgress aria-label={t('app.loading')} />
      </Box>
    );
  }
  if (loadError !== null) {
    return (
      <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Alert severity="error" data-testid="form-load-error">
          {loadError}
        </Alert>
        <Button component={RouterLink} to={LIST} data-testid="cancel-button">
          {t('admin.backToList')}
        </Button>
      </Stack>
    );
  }

  const graphProblems = byNode.get('') ?? [];
  const checkStatus = graph === null ? 'invalid-json' : check.status === 'checking' ? 'checking' : valid === null ? 'unknown' : valid ? 'valid' : 'invalid';

  return (
    <Stack spacing={2} data-testid="callflow-editor" data-flow-id={flow?.id ?? ''}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 2 }}>
        <TextField
          size="small"
          label={t('admin.fields.name')}
          value={name}
          onChange={(event) => setName(event.target.value)}
          required
          error={nameError !== null}
          helperText={nameError ?? undefined}
          sx={{ minWidth: 280 }}
          slotProps={{ htmlInput: { 'data-testid': 'field-name' }, formHelperText: { 'data-testid': 'field-name-helper' } as object }}
        />
        {flow !== null && (
          <Chip label={flow.currentVersion === null ? t('callFlow.noVersion') : t('callFlow.currentVersion', { version: flow.currentVersion })} data-testid="callflow-current-version" />
        )}
        <Chip
          data-testid="callflow-check"
          data-valid={valid === null ? 'unknown' : String(valid)}
          data-status={checkStatus}
          color={checkStatus === 'valid' ? 'success' : checkStatus === 'invalid' || checkStatus === 'invalid-json' ? 'error' : 'default'}
          label={t(`callFlow.check.${checkStatus}`, { count: violations.length })}
        />
        {dirty && <Chip variant="outlined" color="warning" label={t('callFlow.unpublished')} data-testid="callflow-dirty" />}
        <Box sx={{ flexGrow: 1 }} />
        <Button component={RouterLink} to={LIST} data-testid="cancel-button">
          {t('admin.backToList')}
        </Button>
        {!isNew && savedText !== null && (
          <Button
            disabled={!dirty}
            onClick={() => {
              setText(savedText);
              setName(flow?.name ?? '');
              setPublishViolations(null);
            }}
            data-testid="callflow-reset"
          >
            {t('callFlow.discard')}
          </Button>
        )}
        <Button variant="contained" onClick={() => void publish()} disabled={publishing || graph === null || name.trim() === ''} data-testid="callflow-publish">
          {isNew ? t('callFlow.create') : t('callFlow.publish')}
        </Button>
      </Stack>

      {flow !== null && flow.serviceNumbers.length > 0 && (
        <Typography variant="body2" color="text.secondary" data-testid="callflow-service-numbers">
          {t('callFlow.usedBy', { numbers: flow.serviceNumbers.join(', ') })}
        </Typography>
      )}
      {notice !== null && (
        <Alert severity="success" onClose={() => setNotice(null)} data-testid="callflow-notice">
          {notice}
        </Alert>
      )}
      {stale !== null && (
        <Alert
          severity="warning"
          data-testid="stale-version"
          action={
            <Button color="inherit" size="small" onClick={reload} data-testid="reload-button">
              {t('admin.reload')}
            </Button>
          }
        >
          <AlertTitle>{t('admin.staleTitle')}</AlertTitle>
          {stale}
        </Alert>
      )}
      {failure.length > 0 && (
        <Alert severity="error" data-testid="form-errors" role="alert">
          {failure.map((message) => (
            <div key={message}>{message}</div>
          ))}
        </Alert>
      )}
      {check.status === 'failed' && (
        <Alert severity="warning" data-testid="callflow-check-error">
          {t('callFlow.checkFailed', { error: check.error })}
        </Alert>
      )}

      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 3fr) minmax(320px, 1fr)' }, alignItems: 'start' }}>
        <Stack spacing={2} sx={{ minWidth: 0 }}>
          {graph !== null ? (
            <CallFlowDiagram graph={graph} nodeTypes={typeMap} violations={byNode} selected={selected} onSelect={setSelected} />
          ) : (
            <Alert severity="error" data-testid="callflow-json-error">
              {t('callFlow.jsonError', { error: parsed.error ?? '' })}
            </Alert>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
            <AddNode
              nodeTypes={nodeTypes}
              disabled={graph === null}
              onAdd={(type) => {
                if (graph === null) return;
                const added = addNode(graph, type);
                setPublishViolations(null);
                setText(formatGraph(added.graph));
                setSelected(added.id);
              }}
            />
          </Stack>
          <TextField
            label={t('callFlow.json')}
            value={text}
            onChange={(event) => {
              setPublishViolations(null);
              setText(event.target.value);
            }}
            multiline
            minRows={10}
            maxRows={30}
            fullWidth
            error={graph === null}
            helperText={graph === null ? parsed.error : t('callFlow.jsonHint')}
            slotProps={{ htmlInput: { 'data-testid': 'callflow-json', spellCheck: false, style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 13 } } }}
          />
        </Stack>

        <Stack spacing={2}>
          <Paper variant="outlined" sx={{ p: 2 }}>
            {graph !== null && selectedNode !== undefined ? (
              <NodeForm
                graph={graph}
                node={selectedNode}
                nodeTypes={nodeTypes}
                violations={byNode.get(selectedNode.id) ?? []}
                onChange={(node) => editGraph((current) => updateNode(current, selectedNode.id, () => node))}
                onRename={(to) => {
                  editGraph((current) => renameNode(current, selectedNode.id, to));
                  setSelected(to);
                }}
                onRemove={() => {
                  editGraph((current) => removeNode(current, selectedNode.id));
                  setSelected(null);
                }}
                onMakeStart={() => editGraph((current) => ({ ...current, start: selectedNode.id }))}
              />
            ) : (
              <Typography variant="body2" color="text.secondary" data-testid="callflow-no-selection">
                {t('callFlow.selectNode')}
              </Typography>
            )}
          </Paper>
          <Paper variant="outlined" sx={{ p: 2 }}>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t('callFlow.violations')}
            </Typography>
            {violations.length === 0 ? (
              <Typography variant="body2" color="text.secondary" data-testid="callflow-violations" data-count={0}>
                {checkStatus === 'valid' ? t('callFlow.noViolations') : '–'}
              </Typography>
            ) : (
              <List dense data-testid="callflow-violations" data-count={violations.length}>
                {[...graphProblems, ...violations.filter((violation) => (violation.nodeId ?? '') !== '')].map((violation, index) => (
                  <ListItemButton
                    key={`${violation.nodeId}-${violation.field}-${index}`}
                    data-testid={`callflow-violation-${index}`}
                    data-node-id={violation.nodeId ?? ''}
                    data-field={violation.field ?? ''}
                    onClick={() => {
                      if (violation.nodeId) setSelected(violation.nodeId);
                    }}
                  >
                    <ListItemText primary={violation.message} slotProps={{ primary: { color: 'error', variant: 'body2' } }} />
                  </ListItemButton>
                ))}
              </List>
            )}
          </Paper>
        </Stack>
      </Box>

      {!isNew && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
            {t('callFlow.versions')}
          </Typography>
          <Table size="small" data-testid="callflow-versions">
            <TableHead>
              <TableRow>
                <TableCell>{t('callFlow.version')}</TableCell>
                <TableCell>{t('callFlow.createdAt')}</TableCell>
                <TableCell>{t('callFlow.createdBy')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map((version) => (
                <TableRow key={version.version} data-testid={`callflow-version-${version.version}`} data-current={version.current}>
                  <TableCell>
                    {version.version} {version.current && <Chip size="small" color="primary" label={t('callFlow.current')} sx={{ ml: 1 }} />}
                  </TableCell>
                  <TableCell>{formatInstant(version.createdAt, language)}</TableCell>
                  <TableCell>{version.createdBy ?? ''}</TableCell>
                  <TableCell align="right">
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      <Button size="small" onClick={() => void loadVersion(version.version)} data-testid={`callflow-load-${version.version}`}>
                        {t('callFlow.loadVersion')}
                      </Button>
                      <Button size="small" variant="outlined" disabled={version.current} onClick={() => void activate(version.version)} data-testid={`callflow-activate-${version.version}`}>
                        {t('callFlow.activate')}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Paper>
      )}
    </Stack>
  );
}

function AddNode({ nodeTypes, disabled, onAdd }: { nodeTypes: readonly NodeType[]; disabled: boolean; onAdd(type: string): void }) {
  const { t } = useTranslation();
  const [type, setType] = useState('');
  const chosen = type !== '' ? type : (nodeTypes[0]?.type ?? '');
  return (
    <>
      <TextField
        select
        size="small"
        label={t('callFlow.newNodeType')}
        value={chosen}
        onChange={(event) => setType(event.target.value)}
        sx={{ minWidth: 200 }}
        slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'callflow-add-type' }, inputLabel: { shrink: true } }}
      >
        {nodeTypes.map((nodeType) => (
          <option key={nodeType.type} value={nodeType.type}>
            {nodeType.title}
          </option>
        ))}
      </TextField>
      <Button variant="outlined" disabled={disabled || chosen === ''} onClick={() => onAdd(chosen)} data-testid="callflow-add-node">
        {t('callFlow.addNode')}
      </Button>
    </>
  );
}
