import { Provider } from '@angular/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { provideEchartsCore } from 'ngx-echarts';

/**
 * ECharts with only what the vessel statistics draw: bar charts on a grid with tooltip and
 * legend, rendered as SVG. Provided on the statistics route alone, so it loads with that page.
 */
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer]);

export const VESSEL_CHART_PROVIDERS: Provider[] = [provideEchartsCore({ echarts })];
