import { AGENT_STATES, type AgentStateDocument } from '../../api/agents';

/** Checks a document from the event stream (or an answer) before it is shown. */
export function isAgentStateDocument(value: unknown): value is AgentStateDocument {
  if (value === null || typeof value !== 'object') {
    return false;
  }
  const document = value as Record<string, unknown>;
  return (
    typeof document.extension === 'string' &&
    typeof document.tenant === 'string' &&
    typeof document.since === 'string' &&
    (AGENT_STATES as readonly unknown[]).includes(document.state)
  );
}
