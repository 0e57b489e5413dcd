import {
  Button,
  Dropdown,
  Input,
  makeStyles,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular } from "@fluentui/react-icons";
import { useId, useMemo } from "react";
import type { DimensionKey, HistoryRecord } from "../../../engine/history";
import { SPLIT_METHODS } from "../../../engine/plan/planSchema";
import { PlanField } from "../../components/PlanField";
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
import type { LevelDraft } from "../../model/planDraft";
import type { Planner } from "../../state/usePlanner";
import { BlendParts } from "./BlendParts";
import { CapFields } from "./CapFields";
import { WeightsGrid } from "./WeightsGrid";
import { dimensionName } from "../../i18n/dimensionName";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  title: { flexGrow: 1, fontWeight: tokens.fontWeightSemibold, minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
});

/** One level of the breakdown: its dimension, method, weights and caps, and its place in order. */
export function LevelCard(props: {
  planner: Planner;
  level: LevelDraft;
  index: number;
  count: number;
  records: readonly HistoryRecord[];
  dimensions: DimensionKey[];
}) {
  const { planner, level, index } = props;
  const { t } = useI18n();
  const styles = useStyles();
  const titleId = useId();
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

  return (
    <div
      className={styles.card}
      role="group"
      aria-labelledby={titleId}
      id={fieldDomId(path)}
      tabIndex={-1}
    >
      <div className={styles.header}>
        <Text id={titleId} className={styles.title}>
          {t.breakdown.levelTitle(index + 1, name)}
        </Text>
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

      <PlanField path={`${path}.method`} label={t.breakdown.method}>
        <Dropdown
          className={styles.control}
          value={t.methods[level.method]}
          selectedOptions={[level.method]}
          onOptionSelect={(_, data) =>
            data.optionValue &&
            planner.update((d) =>
              setLevelMethod(d, level.key, data.optionValue as LevelDraft["method"], props.records),
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
    </div>
  );
}
