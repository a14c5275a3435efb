import type { AgentStateDocument } from '../../api/agents';

/**
 * Whether an incoming state document replaces the one shown. The same state arrives through
 * several paths (the PUT's answer, a GET, the event stream) whose answers may overtake each
 * other; a document of another agent, or one older than what is shown, is a stale answer. Within
 * one wrap-up (same `since`) an extension only moves its end later, so an earlier end is stale too.
 */
export function replacesShownState(shown: AgentStateDocument | null, incoming: AgentStateDocument, extension: string): boolean {
  if (incoming.extension !== extension) {
    return false;
  }
  if (shown === null) {
    return true;
  }
  if (incoming.tenant !== shown.tenant) {
    return false;
  }
  const shownSince = Date.parse(shown.since);
  const incomingSince = Date.parse(incoming.since);
  if (Number.isNaN(shownSince) || Number.isNaN(incomingSince)) {
    return true;
  }
  if (incomingSince === shownSince && shown.wrapUp && incoming.wrapUp) {
    return Date.parse(incoming.wrapUp.endsAt) >= Date.parse(shown.wrapUp.endsAt);
  }
  return incomingSince >= shownSince;
}
