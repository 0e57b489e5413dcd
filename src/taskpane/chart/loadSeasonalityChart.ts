import type { ComponentType } from "react";
import type { SeasonalityChartProps } from "./SeasonalityChart";

/**
 * Loads the seasonality chart from its own file, which the bundle splits off so that the pane's
 * first load does not wait for it.
 */
export function loadSeasonalityChart(): Promise<{
  default: ComponentType<SeasonalityChartProps>;
}> {
  // The bundler resolves the ".js" path to the TypeScript source and emits a separate chunk.
  return import(/* webpackChunkName: "chart" */ "./SeasonalityChart.js") as unknown as Promise<{
    default: ComponentType<SeasonalityChartProps>;
  }>;
}
