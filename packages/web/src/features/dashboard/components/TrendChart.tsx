import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

interface TrendChartProps {
  labels: string[];
  values: (number | null)[];
  kind: 'bar' | 'line';
  format: (value: number | null) => string;
  /** For the browser test and screen readers. */
  ariaLabel: string;
}

/** One figure over the trend's weeks or months (ECharts, canvas; resizes with its box). */
export function TrendChart({ labels, values, kind, format, ariaLabel }: TrendChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(
      {
        animation: false,
        grid: { left: 8, right: 8, top: 16, bottom: 8, containLabel: true },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (v: unknown) => format(typeof v === 'number' ? v : null),
        },
        xAxis: { type: 'category', data: labels, axisTick: { show: false } },
        yAxis: {
          type: 'value',
          axisLabel: { formatter: (v: number) => format(v) },
          splitLine: { lineStyle: { color: '#eceff3' } },
        },
        series: [
          {
            type: kind,
            data: values,
            itemStyle: { color: '#1c7ed6', borderRadius: kind === 'bar' ? [3, 3, 0, 0] : 0 },
            smooth: kind === 'line',
            connectNulls: true,
            barMaxWidth: 28,
          },
        ],
      },
      true,
    );
  }, [labels, values, kind, format]);

  return (
    <div ref={box} role="img" aria-label={ariaLabel} data-testid="kpi-trend-chart" style={{ height: 240 }} />
  );
}
