import type { CallBucket } from '../../../../shared/tasks';

interface CallsChartProps {
  buckets: CallBucket[];
  /** The label under a bar (shown for every `labelEvery`-th bar). */
  labelOf: (bucket: CallBucket) => string;
  labelEvery: number;
  /** The chart's accessible description (what it shows and its total). */
  description: string;
  /** The tooltip of one bar. */
  barTitle: (bucket: CallBucket) => string;
}

const WIDTH = 480;
const HEIGHT = 140;
const AXIS = 18;
const TOP = 14;

/**
 * Completed calls per bucket as bars. A bucket still in the future (count null) has no bar.
 * Hand-written SVG: a dozen elements do not need a charting library.
 */
export function CallsChart({ buckets, labelOf, labelEvery, description, barTitle }: CallsChartProps) {
  const max = Math.max(1, ...buckets.map((b) => b.count ?? 0));
  const slot = WIDTH / buckets.length;
  const barWidth = Math.max(2, slot * 0.7);
  const plot = HEIGHT - AXIS - TOP;
  return (
    <svg className="calls-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={description}>
      <line x1={0} x2={WIDTH} y1={HEIGHT - AXIS} y2={HEIGHT - AXIS} className="calls-chart-axis" />
      <text x={0} y={10} className="calls-chart-max">
        {max}
      </text>
      {buckets.map((bucket, i) => {
        const x = i * slot + (slot - barWidth) / 2;
        const height = bucket.count === null ? 0 : (bucket.count / max) * plot;
        return (
          <g key={bucket.start}>
            {bucket.count !== null && (
              <rect
                x={x}
                y={HEIGHT - AXIS - height}
                width={barWidth}
                height={Math.max(height, bucket.count > 0 ? 1 : 0)}
                className="calls-chart-bar"
                data-count={bucket.count}
              >
                <title>{barTitle(bucket)}</title>
              </rect>
            )}
            {i % labelEvery === 0 && (
              <text x={i * slot + slot / 2} y={HEIGHT - 4} textAnchor="middle" className="calls-chart-label">
                {labelOf(bucket)}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}
