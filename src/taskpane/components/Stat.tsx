import { Caption1, makeStyles, Text, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  stat: { display: "flex", flexDirection: "column", minWidth: 0 },
  value: { fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: "tabular-nums" },
  detail: { color: tokens.colorNeutralForeground3 },
});

/** A labelled figure: "2025 actual / 1,234,567". */
export function Stat(props: { label: string; value: string; detail?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.stat}>
      <Caption1>{props.label}</Caption1>
      <Text className={styles.value} size={400}>
        {props.value}
      </Text>
      {props.detail && <Caption1 className={styles.detail}>{props.detail}</Caption1>}
    </div>
  );
}
