import { Button, Dropdown, Input, makeStyles, Option } from "@fluentui/react-components";
import {
  ArrowDownRegular,
  ArrowUpRegular,
  ChevronDownRegular,
  ChevronRightRegular,
  DeleteRegular,
} from "@fluentui/react-icons";
import { useMemo, useState } from "react";
import type { DimensionKey, HistoryRecord } from "../../../engine/history";
import { SPLIT_METHODS } from "../../../engine/plan/planSchema";
import { CollapsibleCard } from "../../components/CollapsibleCard";
import { ExplainedLabel } from "../../components/ExplainedLabel";
import { PlanField } from "../../components/PlanField";
import { useHasShownProblemUnder } from "../../components/problems";
import { useI18n } from "../../i18n/I18nContext";
import {
  addPart,
  moveLevel,
  removeLevel,
  setLevelMethod,
  updateLevel,
} from "../../model/draftEdits";
import { fieldDomId } from "../../model/fieldPaths";
import { membersOf } from "../../model/members";
import { parseNumberText } from "../../model/parseNumberText";
import type { BoundDraft, LevelDraft } from "../../model/planDraft";
import type { Planner } from "../../state/usePlanner";
import { BlendParts } from "./BlendParts";
import { CapFields } from "./CapFields";
import { WeightsGrid } from "./WeightsGrid";
import { dimensionName } from "../../i18n/dimensionName";

const useStyles = makeStyles({
  control: { width: "100%", minWidth: 0 },
  more: { alignSelf: "flex-start", paddingLeft: 0 },
  actions: { display: "flex", flexShrink: 0 },
});

/** A bound as the summary line shows it: "max 120% of last year", "min 5,000"; nothing for None. */
function boundText(
  which: "min" | "max",
  bound: BoundDraft,
  t: ReturnType<typeof useI18n>["t"],
  format: ReturnType<typeof useI18n>["format"],
): string | null {
  if (bound.kind === "none") return null;
  const value = parseNumberText(bound.value);
  const shown =
    typeof value !== "number"
      ? bound.value.trim() || "…"
      : bound.kind === "ofLastYear"
        ? t.breakdown.ofLastYear(format.percent(value / 100, 0))
        : format.amount(value);
  return t.breakdown.boundSummary(which, shown);
}

/** One level of the breakdown: its dimension, method, weights and caps, and its place in order. */
export function LevelCard(props: {
  planner: Planner;
  level: LevelDraft;
  index: number;
  count: number;
  records: readonly HistoryRecord[];
  dimensions: DimensionKey[];
  /** Added while the step is open: the card opens at once. */
  isNew: boolean;
}) {
  const { planner, level, index } = props;
  const { t, format } = useI18n();
  const styles = useStyles();
  const name = dimensionName(t, level.dimension);
  const planYear = Number(planner.draft.planYear) || null;
  const path = `levels[${index}]`;
  const usedElsewhere = new Set(
    planner.draft.levels.filter((l) => l.key !== level.key).map((l) => l.dimension),
  );
  const choices = [...new Set([...props.dimensions, level.dimension])].filter(
    (d) => !usedElsewhere.has(d),
  );
  const members = useMemo(
    () => membersOf(props.records, level.dimension, planYear),
    [props.records, level.dimension, planYear],
  );
  const showWeights =
    level.method === "manual" ||
    (level.method === "blend" && level.parts.some((p) => p.method === "manual"));
  const change = (patch: Partial<LevelDraft>) =>
    planner.update((d) => updateLevel(d, level.key, (l) => ({ ...l, ...patch })));
  const hasProblem = useHasShownProblemUnder(path);
  // The method and the bounds stay behind "More options" until one is used.
  const used =
    level.method !== "lastYear" || level.min.kind !== "none" || level.max.kind !== "none";
  const [more, setMore] = useState(false);
  const showOptions = more || used || hasProblem;
  const summary = [
    t.methods[level.method],
    boundText("min", level.min, t, format),
    boundText("max", level.max, t, format),
  ]
    .filter((x) => x !== null)
    .join(" · ");

  return (
    <CollapsibleCard
      id={fieldDomId(path)}
      title={t.breakdown.levelTitle(index + 1, name)}
      summary={summary}
      initiallyOpen={props.isNew}
      hasProblem={hasProblem}
      actions={
        <div className={styles.actions}>
          <Button
            appearance="subtle"
            icon={<ArrowUpRegular />}
            aria-label={t.breakdown.moveUp(name)}
            title={t.breakdown.moveUp(name)}
            disabled={index === 0}
            onClick={() => planner.update((d) => moveLevel(d, level.key, -1))}
          />
          <Button
            appearance="subtle"
            icon={<ArrowDownRegular />}
            aria-label={t.breakdown.moveDown(name)}
            title={t.breakdown.moveDown(name)}
            disabled={index === props.count - 1}
            onClick={() => planner.update((d) => moveLevel(d, level.key, 1))}
          />
          <Button
            appearance="subtle"
            icon={<DeleteRegular />}
            aria-label={t.breakdown.remove(name)}
            title={t.breakdown.remove(name)}
            onClick={() => planner.update((d) => removeLevel(d, level.key))}
          />
        </div>
      }
    >
      <PlanField path={`${path}.dimension`} label={t.breakdown.dimension}>
        <Dropdown
          className={styles.control}
          value={name}
          selectedOptions={[level.dimension]}
          onOptionSelect={(_, data) =>
            data.optionValue && change({ dimension: data.optionValue as DimensionKey, weights: {} })
          }
        >
          {choices.map((d) => (
            <Option key={d} value={d}>
              {dimensionName(t, d)}
            </Option>
          ))}
        </Dropdown>
      </PlanField>

      {!used && !hasProblem && (
        <Button
          className={styles.more}
          appearance="transparent"
          size="small"
          icon={showOptions ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={showOptions}
          onClick={() => setMore((m) => !m)}
        >
          {showOptions ? t.breakdown.fewerOptions : t.breakdown.moreOptions}
        </Button>
      )}

      {showOptions && (
        <PlanField
          path={`${path}.method`}
          label={{
            children: (_: unknown, labelProps: object) => (
              <ExplainedLabel
                {...labelProps}
                label={t.breakdown.method}
                about={t.breakdown.aboutMethods}
                items={SPLIT_METHODS.map((m) => ({ term: t.methods[m], text: t.methodInfo[m] }))}
              />
            ),
          }}
        >
          <Dropdown
            className={styles.control}
            value={t.methods[level.method]}
            selectedOptions={[level.method]}
            onOptionSelect={(_, data) =>
              data.optionValue &&
              planner.update((d) =>
                setLevelMethod(
                  d,
                  level.key,
                  data.optionValue as LevelDraft["method"],
                  props.records,
                ),
              )
            }
          >
            {SPLIT_METHODS.map((m) => (
              <Option key={m} value={m}>
                {t.methods[m]}
              </Option>
            ))}
          </Dropdown>
        </PlanField>
      )}

      {level.method === "history" && (
        <PlanField path={`${path}.years`} label={t.breakdown.years}>
          <Input
            inputMode="numeric"
            value={level.years}
            onChange={(_, data) => change({ years: data.value })}
          />
        </PlanField>
      )}

      {level.method === "blend" && (
        <BlendParts
          levelIndex={index}
          parts={level.parts}
          onChange={(parts) => change({ parts })}
          onAdd={() => planner.update((d) => addPart(d, level.key))}
        />
      )}

      {showWeights && (
        <WeightsGrid
          levelIndex={index}
          dimension={level.dimension}
          members={members}
          weights={level.weights}
          onChange={(weights) => change({ weights })}
        />
      )}

      {showOptions && (
        <>
          <CapFields
            levelIndex={index}
            which="min"
            bound={level.min}
            onChange={(min) => change({ min })}
          />
          <CapFields
            levelIndex={index}
            which="max"
            bound={level.max}
            onChange={(max) => change({ max })}
          />
        </>
      )}
    </CollapsibleCard>
  );
}
