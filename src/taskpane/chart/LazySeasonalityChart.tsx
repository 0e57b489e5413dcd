import { Spinner } from "@fluentui/react-components";
import { Component, lazy, Suspense, type ReactNode } from "react";
import { loadSeasonalityChart } from "./loadSeasonalityChart";
import type { SeasonalityChartProps } from "./SeasonalityChart";

const SeasonalityChart = lazy(loadSeasonalityChart);

/** Keeps the pane working when the chart's file cannot be loaded: the chart is left out. */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? null : this.props.children;
  }
}

/** The seasonality chart, loaded on first use with a spinner meanwhile. */
export function LazySeasonalityChart(props: SeasonalityChartProps & { loadingLabel: string }) {
  const { loadingLabel, ...chart } = props;
  return (
    <ChartBoundary>
      <Suspense fallback={<Spinner size="tiny" label={loadingLabel} />}>
        <SeasonalityChart {...chart} />
      </Suspense>
    </ChartBoundary>
  );
}
