// Charts with Apache ECharts from its webjar (served by the gateway, no CDN), loaded only by pages that draw one.
// Under the Content-Security-Policy no inline style may come from markup, so the tooltip is drawn by our own
// formatter with classes from app.css instead of ECharts' default one, whose HTML carries style attributes. What
// ECharts sets through element.style (positions, sizes) is script, not markup, and is allowed.
import { onLanguageChange } from './i18n.js';

/** The webjar's version is in its path: the same as echarts.version in gateway/pom.xml. */
const ECHARTS = new URL('../../webjars/echarts/5.3.1/dist/echarts.esm.min.js', import.meta.url).href;

export const PALETTE = Object.freeze(['#0b5a46', '#f2b42c', '#4f8fbf', '#b25d3c', '#6b7b74', '#7a5ea8']);
const FONT = "'Plus Jakarta Sans', system-ui, sans-serif";
const INK = '#17211d';
const MUTED = '#4a5a53';
const LINE = '#d5dfda';

let library;

/** The echarts module, loaded once. */
export function loadEcharts() {
  library ??= import(ECHARTS);
  return library;
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tooltip formatter for axis tooltips: the category, then one line per series with its colour key and the value
 * written by format (rupiah(), percent()...).
 */
export function axisTooltip(format) {
  return (items) => {
    const list = Array.isArray(items) ? items : [items];
    const rows = list.map((item) => `<span class="chart-tip-row"><span class="chart-key chart-key-${item.seriesIndex}"></span>`
      + `${escapeHtml(item.seriesName)}<strong>${escapeHtml(format(item.value, item))}</strong></span>`);
    return `<span class="chart-tip"><span class="chart-tip-title">${escapeHtml(list[0]?.name ?? '')}</span>${rows.join('')}</span>`;
  };
}

/**
 * Draws a chart into an element and keeps it sized with the element; returns the ECharts instance. options are
 * ECharts options; the common look (font, colours, tooltip) is merged under them. Redraw with chart.setOption().
 */
export async function drawChart(element, options) {
  const echarts = await loadEcharts();
  const chart = echarts.getInstanceByDom(element) ?? echarts.init(element, null, { renderer: 'canvas' });
  chart.setOption({
    color: PALETTE,
    textStyle: { fontFamily: FONT, color: INK },
    animationDuration: 400,
    ...options,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      className: 'chart-tooltip',
      borderColor: LINE,
      textStyle: { fontFamily: FONT, color: INK },
      ...options.tooltip,
    },
  }, true);
  if (!element.dataset.chartObserved) {
    element.dataset.chartObserved = 'true';
    new ResizeObserver(() => chart.resize()).observe(element);
  }
  return chart;
}

/** A horizontal bar chart of categories (names) against one or more series of values. */
export function horizontalBars({ names, series, format, axisFormat = format }) {
  return {
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, icon: 'roundRect', textStyle: { color: INK, fontSize: 13 } },
    xAxis: {
      type: 'value',
      // On a phone's width the abbreviated amounts would run into each other: fewer of them, none overlapping.
      splitNumber: 4,
      axisLabel: { color: MUTED, hideOverlap: true, formatter: (value) => axisFormat(value) },
      splitLine: { lineStyle: { color: LINE } },
    },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { color: INK, fontWeight: 600 },
      axisLine: { lineStyle: { color: LINE } },
      axisTick: { show: false },
    },
    tooltip: { formatter: axisTooltip(format) },
    series: series.map(({ name, values }) => ({
      type: 'bar', name, data: values, barMaxWidth: 18, barGap: '20%',
      itemStyle: { borderRadius: [0, 4, 4, 0] },
    })),
  };
}

/** Calls redraw after each language switch, so a chart's labels follow the page. */
export function redrawOnLanguageChange(redraw) {
  return onLanguageChange(redraw);
}
