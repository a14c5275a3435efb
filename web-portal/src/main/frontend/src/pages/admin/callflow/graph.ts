import type { CallFlowGraph, CallFlowNode, CallFlowViolation, NodeType } from '../../../api/config';
import type { FieldProblem } from '../../../api/fieldErrors';

/** What the editor starts a new flow with: a greeting, then the queue. The check says what to fill in. */
export const STARTER_GRAPH: CallFlowGraph = {
  start: 'welcome',
  nodes: [
    { id: 'welcome', type: 'announcement', parameters: { prompt: '' }, exits: { next: 'queue' } },
    { id: 'queue', type: 'queue', parameters: { group: '' }, exits: {} },
  ],
};

export type ParsedGraph = { graph: CallFlowGraph; error: null } | { graph: null; error: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The graph in the JSON text, or why it is none. Only the shape the diagram needs is checked
 * here; everything else (types, parameters, exits leading nowhere) is the server's check.
 */
export function parseGraph(text: string): ParsedGraph {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { graph: null, error: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(value)) return { graph: null, error: 'the graph must be a JSON object {"start", "nodes"}' };
  if (!Array.isArray(value.nodes)) return { graph: null, error: '"nodes" must be a list' };
  const nodes: CallFlowNode[] = [];
  for (const [index, raw] of value.nodes.entries()) {
    if (!isRecord(raw)) return { graph: null, error: `node #${index + 1} must be an object` };
    const exits: Record<string, string> = {};
    if (isRecord(raw.exits)) {
      for (const [exit, target] of Object.entries(raw.exits)) {
        if (typeof target === 'string') exits[exit] = target;
      }
    }
    nodes.push({
      ...(raw as object),
      id: typeof raw.id === 'string' ? raw.id : '',
      type: typeof raw.type === 'string' ? raw.type : '',
      parameters: isRecord(raw.parameters) ? (raw.parameters as CallFlowNode['parameters']) : {},
      exits,
    });
  }
  return { graph: { ...(value as object), start: typeof value.start === 'string' ? value.start : '', nodes }, error: null };
}

export function formatGraph(graph: CallFlowGraph): string {
  return JSON.stringify(graph, null, 2);
}

export function findNode(graph: CallFlowGraph, id: string): CallFlowNode | undefined {
  return graph.nodes.find((node) => node.id === id);
}

/** A new id for a node of `type` that no node has yet: `queue_2`. */
export function freeNodeId(graph: CallFlowGraph, type: string): string {
  const base = type.replace(/[^A-Za-z0-9_-]/g, '_') || 'node';
  const taken = new Set(graph.nodes.map((node) => node.id));
  if (!taken.has(base)) return base;
  for (let number = 2; ; number++) {
    if (!taken.has(`${base}_${number}`)) return `${base}_${number}`;
  }
}

export function addNode(graph: CallFlowGraph, type: string): { graph: CallFlowGraph; id: string } {
  const id = freeNodeId(graph, type);
  const node: CallFlowNode = { id, type, parameters: {}, exits: {} };
  return { graph: { ...graph, start: graph.start === '' ? id : graph.start, nodes: [...graph.nodes, node] }, id };
}

/** Removes a node and every exit that led to it (those exits then end the call). */
export function removeNode(graph: CallFlowGraph, id: string): CallFlowGraph {
  const nodes = graph.nodes
    .filter((node) => node.id !== id)
    .map((node) => {
      const exits = Object.fromEntries(Object.entries(node.exits).filter(([, target]) => target !== id));
      return Object.keys(exits).length === Object.keys(node.exits).length ? node : { ...node, exits };
    });
  return { ...graph, nodes, start: graph.start === id ? (nodes[0]?.id ?? '') : graph.start };
}

/** Gives a node a new id and makes every exit (and the start) that named it follow. */
export function renameNode(graph: CallFlowGraph, from: string, to: string): CallFlowGraph {
  if (from === to) return graph;
  return {
    ...graph,
    start: graph.start === from ? to : graph.start,
    nodes: graph.nodes.map((node) => {
      const exits = Object.fromEntries(Object.entries(node.exits).map(([exit, target]) => [exit, target === from ? to : target]));
      return { ...node, id: node.id === from ? to : node.id, exits };
    }),
  };
}

export function updateNode(graph: CallFlowGraph, id: string, change: (node: CallFlowNode) => CallFlowNode): CallFlowGraph {
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === id ? change(node) : node)) };
}

/** Another type for a node: parameters and exits the new type does not have are dropped. */
export function changeType(node: CallFlowNode, type: NodeType | undefined, typeName: string): CallFlowNode {
  if (type === undefined) return { ...node, type: typeName };
  const parameterNames = new Set(type.parameters.map((parameter) => parameter.name));
  const exitNames = new Set(type.exits);
  return {
    ...node,
    type: typeName,
    parameters: Object.fromEntries(Object.entries(node.parameters).filter(([name]) => parameterNames.has(name))),
    exits: Object.fromEntries(Object.entries(node.exits).filter(([name]) => exitNames.has(name))),
  };
}

/** Sets (or, with '', removes) a parameter. */
export function withParameter(node: CallFlowNode, name: string, value: string): CallFlowNode {
  const parameters = { ...node.parameters };
  if (value === '') delete parameters[name];
  else parameters[name] = value;
  return { ...node, parameters };
}

/** Connects (or, with '', disconnects) an exit. */
export function withExit(node: CallFlowNode, exit: string, target: string): CallFlowNode {
  const exits = { ...node.exits };
  if (target === '') delete exits[exit];
  else exits[exit] = target;
  return { ...node, exits };
}

/** The parameter a node's box shows: the first required one of its type (a queue's group, a prompt). */
export function mainParameter(node: CallFlowNode, type: NodeType | undefined): { name: string; value: string } | null {
  const names = type === undefined ? Object.keys(node.parameters) : [...type.parameters.filter((p) => p.required), ...type.parameters].map((p) => p.name);
  for (const name of names) {
    const value = node.parameters[name];
    if (value !== undefined && String(value) !== '') return { name, value: String(value) };
  }
  return null;
}

/** The violations of each node (by id); those of the graph as a whole under ''. */
export function violationsByNode(violations: readonly CallFlowViolation[]): Map<string, CallFlowViolation[]> {
  const byNode = new Map<string, CallFlowViolation[]>();
  for (const violation of violations) {
    const key = violation.nodeId ?? '';
    byNode.set(key, [...(byNode.get(key) ?? []), violation]);
  }
  return byNode;
}

/**
 * A refused publish's field problems, sorted for the editor: the name's next to the name field,
 * the graph's (`graph.nodes.menu.exits.1` → node "menu", field "exits.1") like the check's
 * violations, the rest as plain messages.
 */
export function publishProblems(problems: readonly FieldProblem[], nodeIds: readonly string[]): { name: string | null; violations: CallFlowViolation[]; other: string[] } {
  let name: string | null = null;
  const violations: CallFlowViolation[] = [];
  const other: string[] = [];
  // Longest ids first, so that "menu_2" is not read as "menu" with a field "_2…".
  const ids = [...nodeIds].filter((id) => id !== '').sort((a, b) => b.length - a.length);
  for (const problem of problems) {
    const field = problem.field ?? '';
    if (field === 'name') {
      name = name === null ? problem.message : `${name}; ${problem.message}`;
    } else if (field.startsWith('graph.nodes.')) {
      const rest = field.slice('graph.nodes.'.length);
      const id = ids.find((candidate) => rest === candidate || rest.startsWith(`${candidate}.`)) ?? rest.split('.')[0] ?? '';
      const nodeField = rest.length > id.length ? rest.slice(id.length + 1) : null;
      violations.push({ nodeId: id, field: nodeField, message: problem.message });
    } else if (field === 'graph' || field.startsWith('graph.')) {
      violations.push({ nodeId: null, field: field === 'graph' ? null : field.slice('graph.'.length), message: problem.message });
    } else {
      other.push(field === '' ? problem.message : `${field}: ${problem.message}`);
    }
  }
  return { name, violations, other };
}
