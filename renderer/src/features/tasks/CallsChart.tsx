import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { CallBucket } from '../../../../shared/tasks';
import { usePrefsStore } from '../../app/prefsStore';
import { useResolvedTheme } from '../../app/useResolvedTheme';

// Only what this chart draws goes into the bundle (echarts/core is tree-shaken).
echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

interface CallsChartProps {
  buckets: CallBucket[];
  /** The label under a bar. */
  labelOf: (bucket: CallBucket) => string;
  /** The chart's accessible description (what it shows and its total). */
  description: string;
  /** The tooltip of one bar. */
  barTitle: (bucket: CallBucket) => string;
  /** The accessible table's column headers. */
  whenHeader: string;
  countHeader: string;
}

/** A theme token's value (antd's baked CSS variables): canvas colours cannot read CSS. */
function token(name: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
}

/**
 * Completed calls per bucket as bars (ECharts on a canvas, coloured with the theme's tokens).
 * A bucket still ahead (count null) has no bar. The same figures are in a table for screen
 * readers. The tooltip is drawn on the canvas (richText): ECharts' HTML tooltip carries inline
 * styles the CSP refuses.
 */
export function CallsChart({
  buckets,
  labelOf,
  description,
  barTitle,
  whenHeader,
  countHeader,
}: CallsChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const theme = useResolvedTheme(usePrefsStore((state) => state.prefs.theme));

  useEffect(() => {
    if (!host.current) return;
    const instance = echarts.init(host.current, null, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    /** Sets the chart's option from the buckets and the theme's current tokens. */
    const draw = (): void => {
      const text = token('--ant-color-text-secondary') || '#666';
      const line = token('--ant-color-border-secondary') || '#ddd';
      chart.current?.setOption(
        {
          aria: { enabled: true, label: { description } },
          animation: false,
          grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
          tooltip: {
            trigger: 'item',
            renderMode: 'richText',
            formatter: (params: { dataIndex: number }) => barTitle(buckets[params.dataIndex]!),
          },
          xAxis: {
            type: 'category',
            data: buckets.map(labelOf),
            axisLabel: { color: text, hideOverlap: true },
            axisLine: { lineStyle: { color: line } },
            axisTick: { show: false },
          },
          yAxis: {
            type: 'value',
            minInterval: 1,
            axisLabel: { color: text },
            splitLine: { lineStyle: { color: line } },
          },
          series: [
            {
              type: 'bar',
              data: buckets.map((b) => b.count),
              itemStyle: { color: token('--ant-color-primary') || '#1677ff', borderRadius: [2, 2, 0, 0] },
              barMaxWidth: 24,
            },
          ],
        },
        true,
      );
    };
    // After the theme class on <html> changed (the providers' effect runs after this one).
    const frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [buckets, labelOf, barTitle, description, theme]);

  return (
    <figure className="calls-chart">
      <div ref={host} className="calls-chart-canvas" role="img" aria-label={description} />
      <table className="sr-only" aria-label={description}>
        <thead>
          <tr>
            <th scope="col">{whenHeader}</th>
            <th scope="col">{countHeader}</th>
          </tr>
        </thead>
        <tbody>
          {buckets
            .filter((b) => b.count !== null)
            .map((b) => (
              <tr key={b.start} data-count={b.count}>
                <td>{labelOf(b)}</td>
                <td>{b.count}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </figure>
  );
}
