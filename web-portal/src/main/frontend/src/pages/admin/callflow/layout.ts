import type { CallFlowGraph } from '../../../api/config';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;
const GAP_X = 50;
const GAP_Y = 80;
const MARGIN = 24;
/** Room to the right for edges that lead back up (loops), one lane each. */
const LANE_GAP = 16;
/** The width of a way point: where an arrow that skips layers crosses one. */
const WAY_WIDTH = 8;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode {
  /** The node's index in the graph (ids may be blank or repeated in a graph being edited). */
  index: number;
  id: string;
  layer: number;
  order: number;
  x: number;
  y: number;
  width: number;
  height: number;
  reachable: boolean;
}

export interface PlacedEdge {
  from: string;
  fromIndex: number;
  exit: string;
  to: string;
  /** Index of the target node; -1 when the exit leads to no node of the flow. */
  toIndex: number;
  /** Leads to a node in the same or an earlier layer (a loop): drawn around the right side. */
  back: boolean;
  points: Point[];
  label: Point;
}

export interface FlowLayout {
  nodes: PlacedNode[];
  edges: PlacedEdge[];
  width: number;
  height: number;
}

/**
 * A layered drawing of a call flow, top to bottom from the start node: each node one layer below
 * the lowest node that leads to it (loops aside), nodes of a layer ordered by where their
 * predecessors are, exits as arrows from the bottom of a box to the top of its target (through
 * way points in the layers they skip); exits that lead back up go round the right side; exits
 * that lead to no node end in a short stub.
 */
export function layoutFlow(graph: CallFlowGraph): FlowLayout {
  const nodes = graph.nodes;
  const count = nodes.length;
  const indexOf = new Map<string, number>();
  nodes.forEach((node, index) => {
    if (node.id !== '' && !indexOf.has(node.id)) indexOf.set(node.id, index);
  });
  const successors = nodes.map((node) =>
    Object.values(node.exits)
      .map((target) => indexOf.get(target))
      .filter((target): target is number => target !== undefined),
  );

  // Depth-first from the start, then from every node not reached yet: preorder for the first
  // ordering, edges to a node still on the stack are loops.
  const state = new Array<0 | 1 | 2>(count).fill(0);
  const preorder: number[] = [];
  const postorder: number[] = [];
  const backEdges = new Set<string>();
  const visit = (root: number) => {
    const stack: Array<{ node: number; next: number }> = [{ node: root, next: 0 }];
    state[root] = 1;
    preorder.push(root);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = successors[top.node]!;
      if (top.next < targets.length) {
        const target = targets[top.next++]!;
        if (state[target] === 0) {
          state[target] = 1;
          preorder.push(target);
          stack.push({ node: target, next: 0 });
        } else if (state[target] === 1) {
          backEdges.add(`${top.node}>${target}`);
        }
      } else {
        state[top.node] = 2;
        postorder.push(top.node);
        stack.pop();
      }
    }
  };
  const start = indexOf.get(graph.start);
  if (start !== undefined) visit(start);
  const reachable = new Set(preorder);
  for (let index = 0; index < count; index++) {
    if (state[index] === 0) visit(index);
  }

  // Longest path over the edges that are not loops; reverse postorder is a topological order of them.
  const layer = new Array<number>(count).fill(0);
  for (const node of [...postorder].reverse()) {
    for (const target of successors[node]!) {
      if (!backEdges.has(`${node}>${target}`) && target !== node) {
        layer[target] = Math.max(layer[target]!, layer[node]! + 1);
      }
    }
  }

  // Exits that skip layers run through a slot in each layer between (a "way point"), so that
  // ordering keeps them beside the boxes instead of through them.
  type Slot = { kind: 'node'; node: number } | { kind: 'way'; edge: string; index: number };
  const layerCount = count === 0 ? 0 : Math.max(...layer) + 1;
  const layers: Slot[][] = Array.from({ length: layerCount }, () => []);
  const rank = new Map(preorder.map((node, position) => [node, position]));
  [...Array(count).keys()].sort((a, b) => rank.get(a)! - rank.get(b)!).forEach((node) => layers[layer[node]!]!.push({ kind: 'node', node }));
  /** Way points of an edge "from>exit", one per layer it crosses, top down. */
  const wayPoints = new Map<string, Slot[]>();
  /** What is directly above each slot (its predecessors one layer up), for the ordering. */
  const above = new Map<Slot, Slot[]>();
  const nodeSlot = new Map<number, Slot>();
  layers.forEach((members) => members.forEach((slot) => slot.kind === 'node' && nodeSlot.set(slot.node, slot)));
  const addAbove = (slot: Slot, parent: Slot) => above.set(slot, [...(above.get(slot) ?? []), parent]);
  nodes.forEach((node, from) => {
    Object.entries(node.exits).forEach(([exit, target]) => {
      const to = indexOf.get(target);
      if (to === undefined || backEdges.has(`${from}>${to}`) || layer[to]! <= layer[from]!) return;
      let previous = nodeSlot.get(from)!;
      const points: Slot[] = [];
      for (let crossed = layer[from]! + 1; crossed < layer[to]!; crossed++) {
        const way: Slot = { kind: 'way', edge: `${from}>${exit}`, index: points.length };
        layers[crossed]!.push(way);
        addAbove(way, previous);
        points.push(way);
        previous = way;
      }
      addAbove(nodeSlot.get(to)!, previous);
      if (points.length > 0) wayPoints.set(`${from}>${exit}`, points);
    });
  });

  // Order within layers: first as found, then by the mean position of what is above.
  const position = new Map<Slot, number>();
  layers.forEach((members) => members.forEach((slot, order) => position.set(slot, order)));
  for (let sweep = 0; sweep < 3; sweep++) {
    for (let current = 1; current < layerCount; current++) {
      const members = layers[current]!;
      const weights = new Map(
        members.map((slot) => {
          const parents = above.get(slot) ?? [];
          return [slot, parents.length === 0 ? position.get(slot)! : parents.reduce((sum, parent) => sum + position.get(parent)!, 0) / parents.length];
        }),
      );
      members.sort((a, b) => weights.get(a)! - weights.get(b)! || position.get(a)! - position.get(b)!);
      members.forEach((slot, order) => position.set(slot, order));
    }
  }

  const widthOf = (slot: Slot) => (slot.kind === 'node' ? NODE_WIDTH : WAY_WIDTH);
  const rowWidths = layers.map((members) => members.reduce((sum, slot) => sum + widthOf(slot), 0) + Math.max(0, members.length - 1) * GAP_X);
  const rowWidth = Math.max(NODE_WIDTH, ...rowWidths);
  const slotX = new Map<Slot, number>();
  layers.forEach((members, index) => {
    let x = MARGIN + (rowWidth - rowWidths[index]!) / 2;
    for (const slot of members) {
      slotX.set(slot, x);
      x += widthOf(slot) + GAP_X;
    }
  });
  const layerY = (index: number) => MARGIN + index * (NODE_HEIGHT + GAP_Y);
  const placed: PlacedNode[] = nodes.map((node, index) => {
    const slot = nodeSlot.get(index)!;
    return {
      index,
      id: node.id,
      layer: layer[index]!,
      order: position.get(slot)!,
      x: slotX.get(slot)!,
      y: layerY(layer[index]!),
      width: NODE_WIDTH,
      height: NODE_HEIGHT,
      reachable: reachable.has(index),
    };
  });

  const right = MARGIN + rowWidth;
  let lanes = 0;
  const edges: PlacedEdge[] = [];
  nodes.forEach((node, fromIndex) => {
    const source = placed[fromIndex]!;
    const exits = Object.entries(node.exits);
    exits.forEach(([exit, to], exitPosition) => {
      const toIndex = indexOf.get(to) ?? -1;
      const portX = source.x + (source.width * (exitPosition + 1)) / (exits.length + 1);
      const bottom = source.y + source.height;
      const base = { from: node.id, fromIndex, exit, to, toIndex };
      if (toIndex < 0) {
        edges.push({ ...base, back: false, points: [{ x: portX, y: bottom }, { x: portX, y: bottom + GAP_Y / 2 }], label: { x: portX + 4, y: bottom + 14 } });
        return;
      }
      const target = placed[toIndex]!;
      const endX = target.x + target.width / 2;
      if (target.layer > source.layer) {
        const points: Point[] = [
          { x: portX, y: bottom },
          { x: portX, y: bottom + GAP_Y / 2 },
        ];
        for (const way of wayPoints.get(`${fromIndex}>${exit}`) ?? []) {
          const x = slotX.get(way)! + WAY_WIDTH / 2;
          const top = layerY(layer[fromIndex]! + 1 + (way.kind === 'way' ? way.index : 0));
          points.push({ x, y: top }, { x, y: top + NODE_HEIGHT });
        }
        points.push({ x: endX, y: target.y - GAP_Y / 2 }, { x: endX, y: target.y });
        edges.push({ ...base, back: false, points, label: { x: portX + 4, y: bottom + 14 } });
        return;
      }
      // Back up (a loop) or sideways: down into the gap below the node, along a lane right of
      // every box, and into the target from the gap above it; the gaps between layers hold no boxes.
      const lane = right + LANE_GAP * ++lanes;
      const below = bottom + GAP_Y / 4;
      const aboveTarget = target.y - GAP_Y / 4;
      edges.push({
        ...base,
        back: true,
        points: [
          { x: portX, y: bottom },
          { x: portX, y: below },
          { x: lane, y: below },
          { x: lane, y: aboveTarget },
          { x: endX + 8, y: aboveTarget },
          { x: endX + 8, y: target.y },
        ],
        label: { x: portX + 4, y: bottom + 14 },
      });
    });
  });

  const height = MARGIN * 2 + layerCount * NODE_HEIGHT + Math.max(0, layerCount - 1) * GAP_Y + GAP_Y / 2;
  return { nodes: placed, edges, width: right + LANE_GAP * (lanes + 1) + MARGIN, height: Math.max(height, NODE_HEIGHT + 2 * MARGIN) };
}
