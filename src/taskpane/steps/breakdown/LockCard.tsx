import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from "@fluentui/react-components";
import { DeleteRegular } from "@fluentui/react-icons";
import { useRef } from "react";
import type { DimensionKey, HistoryRecord } from "../../../engine/history";
import { CollapsibleCard } from "../../components/CollapsibleCard";
import { PlanField } from "../../components/PlanField";
import { useHasShownProblemUnder } from "../../components/problems";
import { useI18n } from "../../i18n/I18nContext";
import type { LockKind } from "../../i18n/uiStrings";
import { removeLock, updateLock } from "../../model/draftEdits";
import { lockDimensions } from "../../model/draftToPlanFile";
import { fieldDomId } from "../../model/fieldPaths";
import { membersOf } from "../../model/members";
import { parseNumberText } from "../../model/parseNumberText";
import type { LockDraft } from "../../model/planDraft";
import type { Planner } from "../../state/usePlanner";
import { dimensionName } from "../../i18n/dimensionName";

const KINDS: LockKind[] = ["amount", "growth", "share"];

const useStyles = makeStyles({
  // Side by side where both fit, each at its own height (a wrapped label never stretches the
  // control beside it).
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  half: { flex: "1 1 120px", minWidth: 0, maxWidth: "100%" },
  control: { width: "100%", minWidth: 0 },
});

/** A lock's value as its summary shows it: "100,000", "15%"; as typed while it is not a number. */
function lockValueText(lock: LockDraft, format: ReturnType<typeof useI18n>["format"]): string {
  const value = parseNumberText(lock.value);
  if (typeof value !== "number") return lock.value.trim() || "…";
  return lock.kind === "amount" ? format.amount(value) : format.percent(value / 100, 0);
}

/** A member box of a lock: pick an existing member, or type a new one. */
function MemberBox(props: {
  path: string;
  label: string;
  value: string;
  options: string[];
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const shown = props.options.filter((o) =>
    o.toLowerCase().includes(props.value.trim().toLowerCase()),
  );
  return (
    <PlanField path={props.path} label={props.label} className={styles.half}>
      <Combobox
        className={styles.control}
        freeform
        value={props.value}
        selectedOptions={props.options.includes(props.value) ? [props.value] : []}
        ref={input}
        onChange={(event) => props.onChange(event.target.value)}
        onBlur={() =>
          // Closed, the list's options are gone: a pointer left to one of them is stale.
          setTimeout(() => {
            if (input.current?.getAttribute("aria-expanded") === "false")
              input.current.removeAttribute("aria-activedescendant");
          })
        }
        onOptionSelect={(_, data) =>
          data.optionText !== undefined && props.onChange(data.optionText)
        }
      >
        {(shown.length > 0 ? shown : props.options).slice(0, 200).map((member) => (
          <Option key={member} value={member}>
            {member}
          </Option>
        ))}
      </Combobox>
    </PlanField>
  );
}

/** One lock: which segment (its level and members), how it is fixed, and whether it is new. */
export function LockCard(props: {
  planner: Planner;
  lock: LockDraft;
  index: number;
  records: readonly HistoryRecord[];
  /** Added while the step is open: the card opens at once. */
  isNew: boolean;
}) {
  const { planner, lock, index } = props;
  const { t, format } = useI18n();
  const styles = useStyles();
  const levels = planner.draft.levels;
  const planYear = Number(planner.draft.planYear) || null;
  const path = `locks[${index}]`;
  const dims = lockDimensions(lock, levels);
  const change = (patch: Partial<LockDraft>) =>
    planner.update((d) => updateLock(d, lock.key, (l) => ({ ...l, ...patch })));
  const levelChoices = [...new Set([...levels.map((l) => l.dimension), lock.dimension])];

  const hasProblem = useHasShownProblemUnder(path);
  const members = dims.map((d) => (lock.where[d] ?? "").trim()).filter((m) => m !== "");
  const summary = [
    members.length > 0 ? members.join(" / ") : t.breakdown.lockNotChosen,
    `${t.breakdown.lockKinds[lock.kind]} ${lockValueText(lock, format)}`,
    ...(lock.isNew ? [t.breakdown.lockNew] : []),
  ].join(" · ");

  return (
    <CollapsibleCard
      id={fieldDomId(path)}
      title={t.breakdown.lockTitle(index + 1)}
      summary={summary}
      initiallyOpen={props.isNew}
      hasProblem={hasProblem}
      actions={
        <Button
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={t.breakdown.removeLock(index + 1)}
          title={t.breakdown.removeLock(index + 1)}
          onClick={() => planner.update((d) => removeLock(d, lock.key))}
        />
      }
    >
      <PlanField path={`${path}.where`} label={t.breakdown.lockLevel}>
        <Dropdown
          className={styles.control}
          value={dimensionName(t, lock.dimension)}
          selectedOptions={[lock.dimension]}
          onOptionSelect={(_, data) =>
            data.optionValue && change({ dimension: data.optionValue as DimensionKey })
          }
        >
          {levelChoices.map((d) => (
            <Option key={d} value={d}>
              {dimensionName(t, d)}
            </Option>
          ))}
        </Dropdown>
      </PlanField>

      <div className={styles.row}>
        {dims.map((dimension, depth) => {
          const parent: Partial<Record<DimensionKey, string>> = {};
          for (const above of dims.slice(0, depth)) parent[above] = lock.where[above];
          return (
            <MemberBox
              key={dimension}
              path={`${path}.where.${dimension}`}
              label={t.breakdown.lockMember(dimensionName(t, dimension))}
              value={lock.where[dimension] ?? ""}
              options={membersOf(props.records, dimension, planYear, parent)}
              onChange={(value) => change({ where: { ...lock.where, [dimension]: value } })}
            />
          );
        })}
      </div>

      <div className={styles.row}>
        <Field label={t.breakdown.lockKind} className={styles.half}>
          <Dropdown
            className={styles.control}
            value={t.breakdown.lockKinds[lock.kind]}
            selectedOptions={[lock.kind]}
            onOptionSelect={(_, data) =>
              data.optionValue && change({ kind: data.optionValue as LockKind })
            }
          >
            {KINDS.map((k) => (
              <Option key={k} value={k}>
                {t.breakdown.lockKinds[k]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <PlanField
          path={`${path}.${lock.kind}`}
          alsoShows={[path]}
          label={t.breakdown.lockValue(lock.kind)}
          className={styles.half}
        >
          <Input
            className={styles.control}
            inputMode="decimal"
            value={lock.value}
            contentAfter={lock.kind === "amount" ? undefined : <span aria-hidden>%</span>}
            onChange={(_, data) => change({ value: data.value })}
          />
        </PlanField>
      </div>

      <Checkbox
        label={t.breakdown.lockNew}
        checked={lock.isNew}
        onChange={(_, data) => change({ isNew: data.checked === true })}
      />
    </CollapsibleCard>
  );
}
