import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { SeasonalityLines } from "../model/seasonalityLines";

/** Colours of the history years, oldest first; the plan's line uses the brand colour. */
const YEAR_COLOURS = [
  tokens.colorPaletteTealForeground2,
  tokens.colorPaletteMarigoldForeground2,
  tokens.colorPalettePurpleForeground2,
  tokens.colorPaletteBerryForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteSteelForeground2,
];

const WIDTH = 320;
const HEIGHT = 170;
const PAD = { left: 34, right: 16, top: 10, bottom: 22 };

const useStyles = makeStyles({
  figure: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block" },
  axis: { fill: tokens.colorNeutralForeground2, fontSize: "10px" },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
  },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatch: { width: "14px", height: "3px", borderRadius: "1px", display: "inline-block" },
});

export type SeasonalityChartProps = {
  lines: SeasonalityLines;
  /** Short month names, January first. */
  monthNames: string[];
  title: string;
  description: string;
  planLabel: string;
  formatPercent: (value: number) => string;
};

/**
 * Twelve months of seasonality as lines: each history year's month shares and the plan's shares.
 * A small SVG, loaded on its own when the Breakdown step first shows it.
 */
export default function SeasonalityChart(props: SeasonalityChartProps) {
  const styles = useStyles();
  const titleId = useId();
  const descriptionId = useId();
  const { years, result } = props.lines;
  const all = [...years.flatMap((y) => y.shares), ...(result ?? [])];
  const top = Math.max(0.05, Math.ceil(Math.max(0, ...all) * 20) / 20);
  const x = (month: number) => PAD.left + (month * (WIDTH - PAD.left - PAD.right)) / 11;
  const y = (share: number) => PAD.top + (1 - share / top) * (HEIGHT - PAD.top - PAD.bottom);
  const points = (shares: number[]) =>
    shares.map((s, m) => `${x(m).toFixed(1)},${y(s).toFixed(1)}`).join(" ");
  const ticks = Array.from({ length: Math.round(top / 0.05) + 1 }, (_, i) => i * 0.05);
  const colourOf = (i: number) => YEAR_COLOURS[i % YEAR_COLOURS.length];

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descriptionId}`}
      >
        <title id={titleId}>{props.title}</title>
        <desc id={descriptionId}>{props.description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              className={styles.grid}
              x1={PAD.left}
              x2={WIDTH - PAD.right}
              y1={y(tick)}
              y2={y(tick)}
            />
            <text className={styles.axis} x={PAD.left - 4} y={y(tick) + 3} textAnchor="end">
              {props.formatPercent(tick)}
            </text>
          </g>
        ))}
        {props.monthNames.map((name, m) => (
          <text key={name} className={styles.axis} x={x(m)} y={HEIGHT - 6} textAnchor="middle">
            {name}
          </text>
        ))}
        {years.map((year, i) => (
          <polyline
            key={year.year}
            points={points(year.shares)}
            fill="none"
            style={{ stroke: colourOf(i) }}
            strokeWidth={1.5}
            strokeLinejoin="round"
          />
        ))}
        {result && (
          <polyline
            points={points(result)}
            fill="none"
            style={{ stroke: tokens.colorBrandForeground1 }}
            strokeWidth={3}
            strokeLinejoin="round"
          />
        )}
      </svg>
      <ul className={styles.legend}>
        {years.map((year, i) => (
          <li key={year.year} className={styles.key}>
            <span className={styles.swatch} style={{ backgroundColor: colourOf(i) }} aria-hidden />
            {year.year}
          </li>
        ))}
        {result && (
          <li className={styles.key}>
            <span
              className={styles.swatch}
              style={{ backgroundColor: tokens.colorBrandForeground1, height: "4px" }}
              aria-hidden
            />
            {props.planLabel}
          </li>
        )}
      </ul>
    </figure>
  );
}
