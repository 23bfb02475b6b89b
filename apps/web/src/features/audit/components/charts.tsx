import { Paper, Text, Title } from '@mantine/core';
import { useId } from 'react';

/**
 * Small charts drawn as plain SVG (no chart library). Each is a figure with a visible title; the
 * SVG is an image named by that title and described by a text alternative listing every value.
 */
const TEXT = '#212529';
const GRID = '#ced4da';
const COLORS = ['#1864ab', '#d9480f', '#2b8a3e', '#862e9c', '#5f3dc4', '#c92a2a'];

export interface BarDatum {
  label: string;
  value: number;
  /** The value as the reader sees it (e.g. "45 %"). */
  display: string;
}

function ChartFrame({ title, description, testId, children, empty, emptyText }: { title: string; description: string; testId: string; children: (ids: { title: string; desc: string }) => React.ReactNode; empty: boolean; emptyText: string }) {
  const id = useId();
  const ids = { heading: `${id}-heading`, title: `${id}-title`, desc: `${id}-desc` };
  return (
    <Paper withBorder p="md" component="figure" m={0} aria-labelledby={ids.heading} data-testid={testId}>
      <Title order={3} size="h5" id={ids.heading} mb="sm" component="figcaption">
        {title}
      </Title>
      {empty ? <Text c="gray.7">{emptyText}</Text> : children({ title: ids.title, desc: ids.desc })}
      {!empty && (
        <Text size="xs" c="gray.7" mt="xs" aria-hidden="true">
          {description}
        </Text>
      )}
    </Paper>
  );
}

const LABEL_WIDTH = 170;
const VALUE_WIDTH = 90;
const WIDTH = 640;
const ROW = 30;

function truncate(text: string, max = 24): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Horizontal bars, one per row, with the value written at the end of each bar. */
export function BarChart({ title, data, emptyText, testId, maxValue }: { title: string; data: BarDatum[]; emptyText: string; testId: string; maxValue?: number }) {
  const description = data.map((datum) => `${datum.label}: ${datum.display}`).join('; ');
  const max = maxValue ?? Math.max(1, ...data.map((datum) => datum.value));
  const plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = data.length * ROW + 10;
  return (
    <ChartFrame title={title} description={description} testId={testId} empty={data.length === 0} emptyText={emptyText}>
      {(ids) => (
        <svg role="img" aria-labelledby={`${ids.title} ${ids.desc}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, display: 'block' }}>
          <title id={ids.title}>{title}</title>
          <desc id={ids.desc}>{description}</desc>
          <line x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} stroke={GRID} />
          {data.map((datum, index) => {
            const y = index * ROW + 5;
            const width = Math.max(0, (datum.value / max) * plot);
            return (
              <g key={`${datum.label}-${index}`}>
                <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle" fontSize={13} fill={TEXT}>
                  {truncate(datum.label)}
                </text>
                <rect x={LABEL_WIDTH} y={y + 4} width={width} height={ROW - 10} fill={COLORS[0]} rx={2} />
                <text x={LABEL_WIDTH + width + 6} y={y + ROW / 2} dominantBaseline="middle" fontSize={13} fill={TEXT}>
                  {datum.display}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

export interface GroupDatum {
  label: string;
  values: { value: number; display: string }[];
}

/** Vertical grouped bars: one group per row, one bar per series, with a legend. */
export function GroupedBarChart({ title, series, data, emptyText, testId }: { title: string; series: string[]; data: GroupDatum[]; emptyText: string; testId: string }) {
  const description = data.map((group) => `${group.label}: ${group.values.map((value, index) => `${series[index]} ${value.display}`).join(', ')}`).join('; ');
  const max = Math.max(1, ...data.flatMap((group) => group.values.map((value) => value.value)));
  const top = 34;
  const plotHeight = 200;
  const bottom = 40;
  const left = 10;
  const groupWidth = (WIDTH - left * 2) / Math.max(1, data.length);
  const barWidth = Math.min(60, (groupWidth - 20) / Math.max(1, series.length));
  const height = top + plotHeight + bottom;
  return (
    <ChartFrame title={title} description={description} testId={testId} empty={data.length === 0} emptyText={emptyText}>
      {(ids) => (
        <svg role="img" aria-labelledby={`${ids.title} ${ids.desc}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, display: 'block' }}>
          <title id={ids.title}>{title}</title>
          <desc id={ids.desc}>{description}</desc>
          {series.map((name, index) => (
            <g key={name} transform={`translate(${left + index * 160}, 6)`}>
              <rect width={14} height={14} fill={COLORS[index % COLORS.length]} />
              <text x={20} y={11} fontSize={13} fill={TEXT}>
                {name}
              </text>
            </g>
          ))}
          <line x1={left} x2={WIDTH - left} y1={top + plotHeight} y2={top + plotHeight} stroke={GRID} />
          {data.map((group, groupIndex) => {
            const x0 = left + groupIndex * groupWidth + (groupWidth - barWidth * series.length) / 2;
            return (
              <g key={`${group.label}-${groupIndex}`}>
                {group.values.map((value, index) => {
                  const barHeight = (value.value / max) * (plotHeight - 16);
                  const x = x0 + index * barWidth;
                  return (
                    <g key={index}>
                      <rect x={x + 2} y={top + plotHeight - barHeight} width={barWidth - 4} height={barHeight} fill={COLORS[index % COLORS.length]} rx={2} />
                      <text x={x + barWidth / 2} y={top + plotHeight - barHeight - 4} textAnchor="middle" fontSize={11} fill={TEXT}>
                        {value.display}
                      </text>
                    </g>
                  );
                })}
                <text x={left + groupIndex * groupWidth + groupWidth / 2} y={top + plotHeight + 18} textAnchor="middle" fontSize={13} fill={TEXT}>
                  {truncate(group.label, Math.max(8, Math.floor(groupWidth / 8)))}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </ChartFrame>
  );
}

/** A donut: one slice per row, the legend beside it with each value. */
export function DonutChart({ title, data, emptyText, testId }: { title: string; data: BarDatum[]; emptyText: string; testId: string }) {
  const description = data.map((datum) => `${datum.label}: ${datum.display}`).join('; ');
  const total = data.reduce((sum, datum) => sum + datum.value, 0);
  const radius = 80;
  const stroke = 34;
  const circumference = 2 * Math.PI * radius;
  let offset = 0;
  const height = Math.max(2 * radius + stroke + 10, data.length * 26 + 10);
  return (
    <ChartFrame title={title} description={description} testId={testId} empty={data.length === 0 || total === 0} emptyText={emptyText}>
      {(ids) => (
        <svg role="img" aria-labelledby={`${ids.title} ${ids.desc}`} viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH, display: 'block' }}>
          <title id={ids.title}>{title}</title>
          <desc id={ids.desc}>{description}</desc>
          <g transform={`translate(${radius + stroke / 2 + 5}, ${height / 2}) rotate(-90)`}>
            {data.map((datum, index) => {
              const length = (datum.value / total) * circumference;
              const slice = (
                <circle
                  key={`${datum.label}-${index}`}
                  r={radius}
                  fill="none"
                  stroke={COLORS[index % COLORS.length]}
                  strokeWidth={stroke}
                  strokeDasharray={`${length} ${circumference - length}`}
                  strokeDashoffset={-offset}
                />
              );
              offset += length;
              return slice;
            })}
          </g>
          {data.map((datum, index) => (
            <g key={`${datum.label}-legend-${index}`} transform={`translate(${2 * radius + stroke + 40}, ${10 + index * 26})`}>
              <rect width={14} height={14} fill={COLORS[index % COLORS.length]} />
              <text x={22} y={12} fontSize={13} fill={TEXT}>
                {`${datum.label}: ${datum.display}`}
              </text>
            </g>
          ))}
        </svg>
      )}
    </ChartFrame>
  );
}
