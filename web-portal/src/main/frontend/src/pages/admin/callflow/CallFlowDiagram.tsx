import { Box } from '@mui/material';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallFlowGraph, CallFlowViolation, NodeType } from '../../../api/config';
import { mainParameter } from './graph';
import { layoutFlow, type Point } from './layout';

interface Props {
  graph: CallFlowGraph;
  nodeTypes: ReadonlyMap<string, NodeType>;
  violations: ReadonlyMap<string, CallFlowViolation[]>;
  selected: string | null;
  onSelect(id: string): void;
}

function pathOf(points: readonly Point[]): string {
  return points.map((point, index) => `${index === 0 ? 'M' : 'L'}${point.x.toFixed(1)},${point.y.toFixed(1)}`).join(' ');
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** The flow as boxes (type, id, main parameter) and labelled arrows, in layers from the start node. */
export function CallFlowDiagram({ graph, nodeTypes, violations, selected, onSelect }: Props) {
  const { t } = useTranslation();
  const layout = useMemo(() => layoutFlow(graph), [graph]);
  const startNode = layout.nodes.find((node) => node.id === graph.start && node.id !== '');

  return (
    <Box sx={{ overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fafbfc', maxHeight: '70vh' }}>
      <svg
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        role="img"
        aria-label={t('callFlow.diagram')}
        data-testid="callflow-diagram"
        data-nodes={layout.nodes.length}
        data-edges={layout.edges.length}
        style={{ display: 'block', fontFamily: 'inherit' }}
      >
        <defs>
          <marker id="callflow-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill="#546e7a" />
          </marker>
          <marker id="callflow-arrow-missing" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="8" markerHeight="8">
            <circle cx="5" cy="5" r="4" fill="#c62828" />
          </marker>
        </defs>
        {startNode !== undefined && (
          <g data-testid="callflow-start">
            <path d={`M${startNode.x - 18},${startNode.y - 14} L${startNode.x},${startNode.y}`} stroke="#2e7d32" strokeWidth={2} markerEnd="url(#callflow-arrow)" fill="none" />
            <text x={startNode.x - 22} y={startNode.y - 16} fontSize={11} fill="#2e7d32" textAnchor="end">
              {t('callFlow.start')}
            </text>
          </g>
        )}
        {layout.edges.map((edge) => {
          const missing = edge.toIndex < 0;
          return (
            <g
              key={`${edge.fromIndex}-${edge.exit}`}
              data-testid={`callflow-edge-${edge.from}-${edge.exit}`}
              data-from={edge.from}
              data-exit={edge.exit}
              data-to={edge.to}
              data-missing={missing}
            >
              <path
                d={pathOf(edge.points)}
                fill="none"
                stroke={missing ? '#c62828' : edge.back ? '#8d6e63' : '#546e7a'}
                strokeWidth={1.5}
                strokeDasharray={missing || edge.back ? '5 3' : undefined}
                markerEnd={missing ? 'url(#callflow-arrow-missing)' : 'url(#callflow-arrow)'}
              />
              <text x={edge.label.x} y={edge.label.y} fontSize={11} fill={missing ? '#c62828' : '#37474f'} style={{ paintOrder: 'stroke', stroke: '#fafbfc', strokeWidth: 3 }}>
                {missing ? `${edge.exit} → ${shorten(edge.to, 14)}?` : edge.exit}
              </text>
            </g>
          );
        })}
        {layout.nodes.map((placed) => {
          const node = graph.nodes[placed.index]!;
          const type = nodeTypes.get(node.type);
          const problems = violations.get(node.id) ?? [];
          const main = mainParameter(node, type);
          const isSelected = selected !== null && node.id === selected;
          return (
            <g
              key={placed.index}
              transform={`translate(${placed.x},${placed.y})`}
              data-testid={`callflow-node-${node.id}`}
              data-type={node.type}
              data-violations={problems.length}
              data-reachable={placed.reachable}
              onClick={() => onSelect(node.id)}
              style={{ cursor: 'pointer' }}
              role="button"
              tabIndex={0}
              aria-label={t('callFlow.nodeLabel', { id: node.id, type: type?.title ?? node.type })}
              onKeyDown={(event) => {
                if (event.key === 'Enter' || event.key === ' ') onSelect(node.id);
              }}
            >
              <title>{problems.length > 0 ? problems.map((problem) => problem.message).join('\n') : `${node.id} (${node.type})`}</title>
              <rect
                width={placed.width}
                height={placed.height}
                rx={8}
                fill={isSelected ? '#e3f2fd' : '#ffffff'}
                stroke={problems.length > 0 ? '#c62828' : isSelected ? '#0b5cad' : '#90a4ae'}
                strokeWidth={problems.length > 0 || isSelected ? 2.5 : 1.5}
                strokeDasharray={placed.reachable ? undefined : '4 3'}
              />
              <text x={10} y={18} fontSize={11} fill="#607d8b" style={{ textTransform: 'uppercase', letterSpacing: 0.5 }}>
                {shorten(type?.title ?? (node.type || '?'), 24)}
              </text>
              <text x={10} y={37} fontSize={14} fontWeight={700} fill="#263238">
                {shorten(node.id || `#${placed.index + 1}`, 22)}
              </text>
              {main !== null && (
                <text x={10} y={55} fontSize={12} fill="#455a64">
                  {shorten(`${main.name}: ${main.value}`, 28)}
                </text>
              )}
              {problems.length > 0 && (
                <g transform={`translate(${placed.width - 12},0)`}>
                  <circle r={11} fill="#c62828" />
                  <text textAnchor="middle" y={4} fontSize={11} fill="#fff" fontWeight={700}>
                    {problems.length}
                  </text>
                </g>
              )}
            </g>
          );
        })}
      </svg>
    </Box>
  );
}
