import {
  Button,
  Combobox,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Option,
  Text,
  tokens,
} from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { HistoryRecord } from "../../engine/history";
import { PlanField } from "../components/PlanField";
import { Section } from "../components/Section";
import { useI18n } from "../i18n/I18nContext";
import { addLevel, addLock } from "../model/draftEdits";
import { detectedDimensions } from "../model/planDraft";
import type { Planner } from "../state/usePlanner";
import { LevelCard } from "./breakdown/LevelCard";
import { LockCard } from "./breakdown/LockCard";
import { TimeSection } from "./breakdown/TimeSection";
import { dimensionName } from "../i18n/dimensionName";

const UNITS = ["1", "10", "100", "1000", "10000"];
const NO_RECORDS: readonly HistoryRecord[] = [];

const useStyles = makeStyles({
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  control: { width: "100%", minWidth: 0 },
  hint: { color: tokens.colorNeutralForeground2 },
});

/** Step 3: the levels of the breakdown, locks, rounding and the spread over the months. */
export function BreakdownStep(props: { planner: Planner }) {
  const { planner } = props;
  const { t, format } = useI18n();
  const styles = useStyles();
  const { draft } = planner;
  const records = planner.history?.records ?? NO_RECORDS;
  const dimensions = detectedDimensions(planner.history);
  const free = dimensions.filter((d) => !draft.levels.some((l) => l.dimension === d));
  // Cards there when the step opened start folded to their summary; one added since opens.
  const keysAtOpen = useRef(
    new Set([...draft.levels.map((l) => l.key), ...draft.locks.map((l) => l.key)]),
  );

  return (
    <>
      <Text>{t.breakdown.intro}</Text>
      <Section title={t.breakdown.levels}>
        {draft.levels.length === 0 && <Text>{t.breakdown.noLevels}</Text>}
        <div className={styles.list}>
          {draft.levels.map((level, i) => (
            <LevelCard
              key={level.key}
              planner={planner}
              level={level}
              index={i}
              count={draft.levels.length}
              records={records}
              dimensions={dimensions}
              isNew={!keysAtOpen.current.has(level.key)}
            />
          ))}
        </div>
        <div>
          {free.length === 0 ? (
            <Text size={200} className={styles.hint}>
              {t.breakdown.addLevelNone}
            </Text>
          ) : (
            <Menu>
              <MenuTrigger disableButtonEnhancement>
                <Button icon={<AddRegular />}>{t.breakdown.addLevel}</Button>
              </MenuTrigger>
              <MenuPopover>
                <MenuList>
                  {free.map((d) => (
                    <MenuItem key={d} onClick={() => planner.update((x) => addLevel(x, d))}>
                      {dimensionName(t, d)}
                    </MenuItem>
                  ))}
                </MenuList>
              </MenuPopover>
            </Menu>
          )}
        </div>
      </Section>

      <Section title={t.breakdown.locks}>
        <Text size={200} className={styles.hint}>
          {t.breakdown.locksHint}
        </Text>
        {draft.locks.length === 0 && <Text>{t.breakdown.noLocks}</Text>}
        <div className={styles.list}>
          {draft.locks.map((lock, i) => (
            <LockCard
              key={lock.key}
              planner={planner}
              lock={lock}
              index={i}
              records={records}
              isNew={!keysAtOpen.current.has(lock.key)}
            />
          ))}
        </div>
        <div>
          <Button
            icon={<AddRegular />}
            disabled={draft.levels.length === 0}
            onClick={() => planner.update(addLock)}
          >
            {t.breakdown.addLock}
          </Button>
        </div>
      </Section>

      <Section title={t.breakdown.rounding}>
        <PlanField
          path="rounding.unit"
          label={t.breakdown.roundingUnit}
          hint={t.breakdown.roundingHint}
        >
          <Combobox
            className={styles.control}
            freeform
            value={draft.unit}
            selectedOptions={UNITS.includes(draft.unit) ? [draft.unit] : []}
            onChange={(event) => planner.update((d) => ({ ...d, unit: event.target.value }))}
            onOptionSelect={(_, data) =>
              data.optionValue &&
              planner.update((d) => ({ ...d, unit: data.optionValue ?? d.unit }))
            }
          >
            {UNITS.map((u) => (
              <Option key={u} value={u} text={u}>
                {format.amount(Number(u))}
              </Option>
            ))}
          </Combobox>
        </PlanField>
      </Section>

      <TimeSection planner={planner} records={records} />
    </>
  );
}
