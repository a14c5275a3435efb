import { describe, expect, it } from 'vitest';
import type { CallFlowGraph } from '../../../api/config';
import { addNode, formatGraph, parseGraph, publishProblems, removeNode, renameNode, violationsByNode } from './graph';
import { NODE_HEIGHT, NODE_WIDTH, layoutFlow } from './layout';

const FLOW: CallFlowGraph = {
  start: 'hours',
  nodes: [
    { id: 'hours', type: 'opening_hours', parameters: { openingHours: 'Office' }, exits: { open: 'menu', closed: 'closed' } },
    { id: 'menu', type: 'dtmf_menu', parameters: { prompt: 'menu' }, exits: { '1': 'support', '2': 'sales', invalid: 'menu', no_input: 'menu' } },
    { id: 'support', type: 'queue', parameters: { group: 'Support' }, exits: { timeout: 'voicemail', empty: 'voicemail' } },
    { id: 'sales', type: 'queue', parameters: { group: 'Sales' }, exits: { timeout: 'voicemail' } },
    { id: 'voicemail', type: 'voicemail', parameters: {}, exits: { next: 'bye' } },
    { id: 'closed', type: 'announcement', parameters: { prompt: 'closed' }, exits: { next: 'bye' } },
    { id: 'bye', type: 'hangup', parameters: {}, exits: {} },
    { id: 'orphan', type: 'announcement', parameters: { prompt: 'x' }, exits: { next: 'nowhere' } },
  ],
};

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the call-flow layout', () => {
  const layout = layoutFlow(FLOW);
  const byId = new Map(layout.nodes.map((node) => [node.id, node]));

  it('places every node, none on top of another, all inside the drawing', () => {
    expect(layout.nodes).toHaveLength(FLOW.nodes.length);
    for (const [index, node] of layout.nodes.entries()) {
      expect(node.width).toBe(NODE_WIDTH);
      expect(node.height).toBe(NODE_HEIGHT);
      expect(node.x).toBeGreaterThanOrEqual(0);
      expect(node.x + node.width).toBeLessThanOrEqual(layout.width);
      expect(node.y + node.height).toBeLessThanOrEqual(layout.height);
      for (const other of layout.nodes.slice(index + 1)) {
        expect(overlaps(node, other), `${node.id} and ${other.id}`).toBe(false);
      }
    }
  });

  it('puts every node below the nodes that lead to it, the start on top', () => {
    expect(byId.get('hours')!.layer).toBe(0);
    expect(byId.get('menu')!.layer).toBe(1);
    expect(byId.get('support')!.layer).toBe(2);
    expect(byId.get('voicemail')!.layer).toBe(3);
    // Reached from voicemail (layer 3) and closed (layer 1): below the lower one.
    expect(byId.get('bye')!.layer).toBe(4);
  });

  it('draws every exit, each from its node, labelled with the exit’s name', () => {
    const exits = FLOW.nodes.flatMap((node) => Object.keys(node.exits).map((exit) => `${node.id}.${exit}`));
    expect(layout.edges.map((edge) => `${edge.from}.${edge.exit}`).sort()).toEqual(exits.sort());
    for (const edge of layout.edges) {
      const source = byId.get(edge.from)!;
      const first = edge.points[0]!;
      expect(first.x).toBeGreaterThanOrEqual(source.x);
      expect(first.x).toBeLessThanOrEqual(source.x + source.width);
      expect(first.y).toBeGreaterThanOrEqual(source.y);
      expect(first.y).toBeLessThanOrEqual(source.y + source.height);
    }
  });

  it('ends a forward arrow at the top of its target', () => {
    const edge = layout.edges.find((candidate) => candidate.from === 'menu' && candidate.exit === '1')!;
    const target = byId.get('support')!;
    expect(edge.back).toBe(false);
    expect(edge.points.at(-1)).toEqual({ x: target.x + target.width / 2, y: target.y });
  });

  it('leads no arrow through a box', () => {
    const inside = (point: { x: number; y: number }, box: { x: number; y: number; width: number; height: number }) =>
      point.x > box.x + 1 && point.x < box.x + box.width - 1 && point.y > box.y + 1 && point.y < box.y + box.height - 1;
    const crossings = new Set<string>();
    for (const edge of layout.edges) {
      for (let segment = 1; segment < edge.points.length; segment++) {
        const a = edge.points[segment - 1]!;
        const b = edge.points[segment]!;
        for (let step = 0; step <= 50; step++) {
          const point = { x: a.x + ((b.x - a.x) * step) / 50, y: a.y + ((b.y - a.y) * step) / 50 };
          layout.nodes.filter((node) => inside(point, node)).forEach((node) => crossings.add(`${edge.from}.${edge.exit} through ${node.id}`));
        }
      }
    }
    expect([...crossings]).toEqual([]);
  });

  it('routes loops round the right side of the drawing', () => {
    const loop = layout.edges.find((edge) => edge.from === 'menu' && edge.exit === 'invalid')!;
    expect(loop.back).toBe(true);
    const rightmost = Math.max(...layout.nodes.map((node) => node.x + node.width));
    expect(Math.max(...loop.points.map((point) => point.x))).toBeGreaterThan(rightmost);
  });

  it('marks an exit that leads to no node and a node the start does not reach', () => {
    const dangling = layout.edges.find((edge) => edge.from === 'orphan')!;
    expect(dangling.toIndex).toBe(-1);
    expect(dangling.points).toHaveLength(2);
    expect(byId.get('orphan')!.reachable).toBe(false);
    expect(byId.get('bye')!.reachable).toBe(true);
  });

  it('copes with an empty graph, a missing start and repeated ids', () => {
    expect(layoutFlow({ start: '', nodes: [] }).nodes).toEqual([]);
    const odd = layoutFlow({
      start: 'nope',
      nodes: [
        { id: 'a', type: 'announcement', parameters: {}, exits: { next: 'a' } },
        { id: 'a', type: 'hangup', parameters: {}, exits: {} },
        { id: '', type: 'hangup', parameters: {}, exits: {} },
      ],
    });
    expect(odd.nodes).toHaveLength(3);
    expect(odd.edges).toHaveLength(1);
    expect(overlaps(odd.nodes[0]!, odd.nodes[1]!)).toBe(false);
  });
});

describe('editing the graph', () => {
  it('reads the JSON text back as the graph it was written from', () => {
    const parsed = parseGraph(formatGraph(FLOW));
    expect(parsed.error).toBeNull();
    expect(parsed.graph).toEqual(FLOW);
    expect(parseGraph('{"start": "a"').error).not.toBeNull();
    expect(parseGraph('{"start": "a", "nodes": 3}').error).toBe('"nodes" must be a list');
  });

  it('renames a node and every exit and the start with it', () => {
    const renamed = renameNode(FLOW, 'menu', 'main_menu');
    expect(renamed.nodes.map((node) => node.id)).toContain('main_menu');
    expect(renamed.nodes[0]!.exits.open).toBe('main_menu');
    expect(renamed.nodes[1]!.exits.invalid).toBe('main_menu');
    expect(renameNode(FLOW, 'hours', 'start').start).toBe('start');
  });

  it('removes a node with the exits that led to it', () => {
    const removed = removeNode(FLOW, 'voicemail');
    expect(removed.nodes.find((node) => node.id === 'voicemail')).toBeUndefined();
    expect(removed.nodes.find((node) => node.id === 'support')!.exits).toEqual({});
    expect(removeNode(FLOW, 'hours').start).toBe('menu');
  });

  it('adds a node with an id no node has', () => {
    const { graph, id } = addNode(FLOW, 'queue');
    expect(id).toBe('queue');
    expect(addNode(graph, 'queue').id).toBe('queue_2');
  });

  it('sorts a refused publish’s problems onto the nodes', () => {
    const sorted = publishProblems(
      [
        { field: 'name', message: 'the tenant already has a call flow named "Main"' },
        { field: 'graph.nodes.menu.exits.1', message: 'node "menu": exit "1" leads to "x", which is not a node of this flow' },
        { field: 'graph.nodes.menu_2.parameters.prompt', message: 'node "menu_2": parameter "prompt" is missing' },
        { field: 'graph.start', message: 'the flow names no start node' },
        { field: 'version', message: 'must name the version' },
      ],
      ['menu', 'menu_2'],
    );
    expect(sorted.name).toBe('the tenant already has a call flow named "Main"');
    expect(sorted.violations).toEqual([
      { nodeId: 'menu', field: 'exits.1', message: 'node "menu": exit "1" leads to "x", which is not a node of this flow' },
      { nodeId: 'menu_2', field: 'parameters.prompt', message: 'node "menu_2": parameter "prompt" is missing' },
      { nodeId: null, field: 'start', message: 'the flow names no start node' },
    ]);
    expect(sorted.other).toEqual(['version: must name the version']);
    expect(violationsByNode(sorted.violations).get('menu')).toHaveLength(1);
  });
});
