import { Dropdown, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { PlanField } from "../../components/PlanField";
import { useI18n } from "../../i18n/I18nContext";
import type { BoundKind } from "../../i18n/uiStrings";
import type { BoundDraft } from "../../model/planDraft";

const KINDS: BoundKind[] = ["none", "ofLastYear", "amount"];

const useStyles = makeStyles({
  // Each field at its own height: a label that wraps never stretches the dropdown beside it.
  row: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    minWidth: 0,
  },
  kind: { flex: "1 1 160px", minWidth: 0, maxWidth: "100%" },
  value: { flex: "1 1 100px", minWidth: 0, maxWidth: "100%" },
  control: { width: "100%", minWidth: 0 },
});

/**
 * A level's minimum or maximum per child: none, a percentage of its last year, or an amount.
 * Problems of the bound show on the kind: a conflict of the bounds on the one that collides (or
 * on both, when a child's minimum is above its maximum), never on a bound that is None.
 */
export function CapFields(props: {
  levelIndex: number;
  which: "min" | "max";
  bound: BoundDraft;
  onChange: (bound: BoundDraft) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const path = `levels[${props.levelIndex}].${props.which}`;
  const label = props.which === "min" ? t.breakdown.minCap : t.breakdown.maxCap;
  const { kind, value } = props.bound;
  return (
    <div className={styles.row} role="group" aria-label={label}>
      <PlanField
        path={path}
        alsoShows={kind === "none" ? [] : [`levels[${props.levelIndex}]`]}
        label={label}
        className={styles.kind}
      >
        <Dropdown
          className={styles.control}
          value={t.breakdown.boundKinds[kind]}
          selectedOptions={[kind]}
          onOptionSelect={(_, data) =>
            props.onChange({ kind: (data.optionValue as BoundKind) ?? "none", value })
          }
        >
          {KINDS.map((k) => (
            <Option key={k} value={k}>
              {t.breakdown.boundKinds[k]}
            </Option>
          ))}
        </Dropdown>
      </PlanField>
      {kind !== "none" && (
        <PlanField
          path={`${path}.${kind}`}
          label={t.breakdown.boundValue(kind)}
          className={styles.value}
        >
          <Input
            className={styles.control}
            inputMode="decimal"
            value={value}
            contentAfter={kind === "ofLastYear" ? <span aria-hidden>%</span> : undefined}
            onChange={(_, data) => props.onChange({ kind, value: data.value })}
          />
        </PlanField>
      )}
    </div>
  );
}
