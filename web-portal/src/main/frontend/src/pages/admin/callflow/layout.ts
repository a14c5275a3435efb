import type { CallFlowGraph } from '../../../api/config';

export const NODE_WIDTH = 190;
export const NODE_HEIGHT = 64;
const GAP_X = 50;
const GAP_Y = 80;
const MARGIN = 24;
/** Room to the right for edges that lead back up (loops), one lane each. */
const LANE_GAP = 16;

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
 * predecessors are, exits as arrows from the bottom of a box to the top of its target; exits that
 * lead back up go round the right side; exits that lead to no node end in a short stub.
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

  // Order within layers: first as found, then by the mean position of the predecessors above.
  const layerCount = count === 0 ? 0 : Math.max(...layer) + 1;
  const layers: number[][] = Array.from({ length: layerCount }, () => []);
  const rank = new Map(preorder.map((node, position) => [node, position]));
  [...Array(count).keys()].sort((a, b) => rank.get(a)! - rank.get(b)!).forEach((node) => layers[layer[node]!]!.push(node));
  const predecessors: number[][] = Array.from({ length: count }, () => []);
  successors.forEach((targets, node) => targets.forEach((target) => predecessors[target]!.push(node)));
  const position = new Array<number>(count).fill(0);
  const place = () => layers.forEach((members) => members.forEach((node, order) => (position[node] = order)));
  place();
  for (let sweep = 0; sweep < 2; sweep++) {
    for (let current = 1; current < layerCount; current++) {
      const members = layers[current]!;
      const weight = (node: number) => {
        const above = predecessors[node]!.filter((p) => layer[p]! < current);
        return above.length === 0 ? position[node]! : above.reduce((sum, p) => sum + position[p]!, 0) / above.length;
      };
      const weights = new Map(members.map((node) => [node, weight(node)]));
      members.sort((a, b) => weights.get(a)! - weights.get(b)! || rank.get(a)! - rank.get(b)!);
      members.forEach((node, order) => (position[node] = order));
    }
  }

  const widest = Math.max(1, ...layers.map((members) => members.length));
  const rowWidth = widest * NODE_WIDTH + (widest - 1) * GAP_X;
  const placed: PlacedNode[] = nodes.map((node, index) => {
    const members = layers[layer[index]!]!;
    const width = members.length * NODE_WIDTH + (members.length - 1) * GAP_X;
    const offset = MARGIN + (rowWidth - width) / 2;
    return {
      index,
      id: node.id,
      layer: layer[index]!,
      order: position[index]!,
      x: offset + position[index]! * (NODE_WIDTH + GAP_X),
      y: MARGIN + layer[index]! * (NODE_HEIGHT + GAP_Y),
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
      if (toIndex < 0) {
        const end = { x: portX, y: bottom + GAP_Y / 2 };
        edges.push({ from: node.id, fromIndex, exit, to, toIndex, back: false, points: [{ x: portX, y: bottom }, end], label: { x: portX + 4, y: bottom + GAP_Y / 4 } });
        return;
      }
      const target = placed[toIndex]!;
      if (target.layer > source.layer) {
        const endX = target.x + target.width / 2;
        const middleY = bottom + GAP_Y / 2;
        edges.push({
          from: node.id,
          fromIndex,
          exit,
          to,
          toIndex,
          back: false,
          points: [
            { x: portX, y: bottom },
            { x: portX, y: middleY },
            { x: endX, y: target.y - GAP_Y / 2 },
            { x: endX, y: target.y },
          ],
          label: { x: portX + 4, y: bottom + 14 },
        });
        return;
      }
      // Back up (or sideways): out of the right side, along a lane right of every node, into the target's right side.
      const lane = right + LANE_GAP * (++lanes);
      const fromY = source.y + source.height / 2 + (exitPosition - (exits.length - 1) / 2) * 8;
      const toY = target.y + target.height / 2 - 8;
      edges.push({
        from: node.id,
        fromIndex,
        exit,
        to,
        toIndex,
        back: true,
        points: [
          { x: source.x + source.width, y: fromY },
          { x: lane, y: fromY },
          { x: lane, y: toY },
          { x: target.x + target.width, y: toY },
        ],
        label: { x: source.x + source.width + 4, y: fromY - 4 },
      });
    });
  });

  const height = MARGIN * 2 + layerCount * NODE_HEIGHT + Math.max(0, layerCount - 1) * GAP_Y + GAP_Y / 2;
  return { nodes: placed, edges, width: right + LANE_GAP * (lanes + 1) + MARGIN, height: Math.max(height, NODE_HEIGHT + 2 * MARGIN) };
}
