import { Button, Dropdown, Input, makeStyles, Option, tokens } from "@fluentui/react-components";
import { AddRegular, DismissRegular } from "@fluentui/react-icons";
import { PlanField } from "../../components/PlanField";
import { Section } from "../../components/Section";
import { useI18n } from "../../i18n/I18nContext";
import type { BlendMethod, PartDraft } from "../../model/planDraft";

const PART_METHODS: BlendMethod[] = ["lastYear", "history", "equal", "manual"];

const useStyles = makeStyles({
  part: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "flex-end",
    gap: tokens.spacingHorizontalS,
  },
  method: { flex: "2 1 140px", minWidth: 0 },
  small: { flex: "1 1 64px", minWidth: 0 },
  control: { width: "100%", minWidth: 0 },
});

/** A blend level's methods, each with its weight (and years, for history). */
export function BlendParts(props: {
  levelIndex: number;
  parts: PartDraft[];
  onChange: (parts: PartDraft[]) => void;
  onAdd: () => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const base = `levels[${props.levelIndex}].parts`;
  const change = (key: string, patch: Partial<PartDraft>) =>
    props.onChange(props.parts.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  return (
    <Section title={t.breakdown.parts} id={`stp-field-levels-${props.levelIndex}-parts`}>
      {props.parts.map((part, i) => (
        <div key={part.key} className={styles.part}>
          <PlanField
            path={`${base}[${i}].method`}
            alsoShows={[`${base}[${i}]`]}
            label={t.breakdown.partMethod(i + 1)}
            className={styles.method}
          >
            <Dropdown
              className={styles.control}
              value={t.methods[part.method]}
              selectedOptions={[part.method]}
              onOptionSelect={(_, data) =>
                data.optionValue && change(part.key, { method: data.optionValue as BlendMethod })
              }
            >
              {PART_METHODS.map((m) => (
                <Option key={m} value={m}>
                  {t.methods[m]}
                </Option>
              ))}
            </Dropdown>
          </PlanField>
          <PlanField
            path={`${base}[${i}].weight`}
            label={t.breakdown.partWeight(i + 1)}
            className={styles.small}
          >
            <Input
              className={styles.control}
              inputMode="decimal"
              value={part.weight}
              onChange={(_, data) => change(part.key, { weight: data.value })}
            />
          </PlanField>
          {part.method === "history" && (
            <PlanField
              path={`${base}[${i}].years`}
              label={t.breakdown.years}
              className={styles.small}
            >
              <Input
                className={styles.control}
                inputMode="numeric"
                value={part.years}
                onChange={(_, data) => change(part.key, { years: data.value })}
              />
            </PlanField>
          )}
          <Button
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label={t.breakdown.removePart(i + 1)}
            title={t.breakdown.removePart(i + 1)}
            disabled={props.parts.length <= 1}
            onClick={() => props.onChange(props.parts.filter((p) => p.key !== part.key))}
          />
        </div>
      ))}
      <div>
        <Button icon={<AddRegular />} onClick={props.onAdd}>
          {t.breakdown.addPart}
        </Button>
      </div>
    </Section>
  );
}
