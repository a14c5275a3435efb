import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { agentApi, ownGroupsApi, supervisionApi } from '../../api';
import type { AgentStateRequest } from '../../api/agents';
import { errorText } from '../../api/errorText';
import { MAX_PAGE_LIMIT } from '../../api/page';
import { useEventStream } from '../../events/useEventStream';
import { isAgentStateDocument } from '../agent/agentStateDocument';
import {
  INITIAL_SUPERVISOR_STATE,
  membershipsFrom,
  supervisorEventOf,
  supervisorReducer,
  type Memberships,
  type SupervisorState,
} from './supervisorState';
import { useTodayRefresh } from './useTodayRefresh';

/** How often everything is read again while the event stream is not open. */
const POLL_INTERVAL_MS = 5000;
/** Configuration changes come in bursts (an admin saving several things): one read after them. */
const CONFIG_RELOAD_MS = 500;

/** The kinds of `config` event that change what the supervisor page shows. */
const RELEVANT_CONFIG = new Set(['group', 'agent', 'user', 'pause-reason']);

export interface SupervisionView {
  state: SupervisorState;
  live: boolean;
  /** The last failure to read, as the user should read it. */
  error: string | null;
  /** The last refused action (state change, membership). */
  actionError: string | null;
  busy: ReadonlySet<string>;
  reload(): void;
  changeState(extension: string, request: AgentStateRequest): Promise<void>;
  setMembership(groupId: number, extension: string, member: boolean): Promise<void>;
  dismissHelp(extension: string): void;
  dismissActionError(): void;
}

async function readMemberships(): Promise<Memberships | null> {
  try {
    const page = await ownGroupsApi.list({ limit: MAX_PAGE_LIMIT });
    return membershipsFrom(page.items);
  } catch {
    // Without the groups' member lists, the agents' own `groups` are shown.
    return null;
  }
}

/**
 * The supervisor's live view: read once, then kept current by the event stream (`agent-state`,
 * `queue`, `help-request`); read again when the stream (re)opens, on `resync` and after relevant
 * configuration changes. Only while the stream is not open is it read every few seconds.
 */
export function useSupervision(): SupervisionView {
  const { t } = useTranslation();
  const [state, dispatch] = useReducer(supervisorReducer, INITIAL_SUPERVISOR_STATE);
  const [error, setError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const generation = useRef(0);
  const mounted = useRef(true);
  const configTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    dispatch({ type: 'load-started' });
    try {
      const [queueList, states, directory, memberships] = await Promise.all([
        supervisionApi.queueList(),
        supervisionApi.agentStates(),
        // Names only: the page works without them.
        supervisionApi.agents().catch(() => undefined),
        readMemberships(),
      ]);
      if (!mounted.current || mine !== generation.current) return;
      dispatch({ type: 'loaded', queues: queueList.items, agents: states.agents, directory, memberships, todayAvailable: queueList.todayAvailable });
      setError(null);
    } catch (failure) {
      if (!mounted.current || mine !== generation.current) return;
      dispatch({ type: 'load-failed' });
      setError(errorText(failure, t));
    }
  }, [t]);

  const reloadSoon = useCallback(() => {
    if (configTimer.current !== null) clearTimeout(configTimer.current);
    configTimer.current = setTimeout(() => {
      configTimer.current = null;
      void load();
    }, CONFIG_RELOAD_MS);
  }, [load]);

  useEffect(() => {
    mounted.current = true;
    void load();
    return () => {
      mounted.current = false;
      if (configTimer.current !== null) clearTimeout(configTimer.current);
      configTimer.current = null;
    };
  }, [load]);

  const [streamOpen, setStreamOpen] = useState(false);
  const today = useTodayRefresh(streamOpen, (list) => {
    if (mounted.current) dispatch({ type: 'today', queues: list.items, todayAvailable: list.todayAvailable });
  });

  const status = useEventStream(
    {
      'agent-state': (data) => {
        const event = supervisorEventOf('agent-state', data);
        if (event !== null) dispatch({ type: 'event', event });
      },
      queue: (data) => {
        const event = supervisorEventOf('queue', data);
        if (event !== null) dispatch({ type: 'event', event });
      },
      'help-request': (data) => {
        const event = supervisorEventOf('help-request', data);
        if (event !== null) dispatch({ type: 'event', event });
      },
      call: () => today.callMoved(),
      config: (data) => {
        const kind = (data as { kind?: unknown } | null)?.kind;
        if (typeof kind === 'string' && RELEVANT_CONFIG.has(kind)) reloadSoon();
      },
    },
    () => void load(),
  );
  const live = status === 'open';
  useEffect(() => setStreamOpen(live), [live]);

  useEffect(() => {
    if (live) return undefined;
    const timer = setInterval(() => void load(), POLL_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [live, load]);

  const withBusy = useCallback(async (key: string, action: () => Promise<void>) => {
    setBusy((previous) => new Set(previous).add(key));
    setActionError(null);
    try {
      await action();
    } catch (failure) {
      if (mounted.current) setActionError(errorText(failure, t));
    } finally {
      if (mounted.current) {
        setBusy((previous) => {
          const next = new Set(previous);
          next.delete(key);
          return next;
        });
      }
    }
  }, [t]);

  const changeState = useCallback(
    (extension: string, request: AgentStateRequest) =>
      withBusy(`state:${extension}`, async () => {
        const answer = await agentApi.change(extension, request);
        if (answer !== undefined && isAgentStateDocument(answer)) {
          dispatch({ type: 'event', event: { kind: 'agent-state', data: answer } });
        }
      }),
    [withBusy],
  );

  const setMembership = useCallback(
    (groupId: number, extension: string, member: boolean) =>
      withBusy(`group:${groupId}:${extension}`, async () => {
        if (member) {
          await supervisionApi.addMember(groupId, extension);
        } else {
          await supervisionApi.removeMember(groupId, extension);
        }
        const memberships = await readMemberships();
        if (memberships !== null && mounted.current) {
          dispatch({ type: 'memberships', memberships });
        } else if (mounted.current) {
          void load();
        }
      }),
    [withBusy, load],
  );

  const dismissHelp = useCallback((extension: string) => dispatch({ type: 'help-dismissed', extension }), []);
  const dismissActionError = useCallback(() => setActionError(null), []);
  const reload = useCallback(() => void load(), [load]);

  return { state, live, error, actionError, busy, reload, changeState, setMembership, dismissHelp, dismissActionError };
}
