import { InfoLabel, makeStyles, tokens, type InfoLabelProps } from "@fluentui/react-components";

const useStyles = makeStyles({
  list: { margin: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  text: { marginLeft: 0 },
});

/**
 * A field's label with an info button beside it that explains each choice in a sentence, on
 * demand (Fluent's InfoLabel), for the methods and the spreads over the months.
 */
export function ExplainedLabel(
  props: Omit<InfoLabelProps, "info" | "children"> & {
    label: string;
    /** The info button's accessible name. */
    about: string;
    items: { term: string; text: string }[];
  },
) {
  const { label, about, items, ...labelProps } = props;
  const styles = useStyles();
  return (
    <InfoLabel
      {...labelProps}
      infoButton={{ "aria-label": about, title: about }}
      info={
        <dl className={styles.list}>
          {items.map((item) => (
            <div key={item.term}>
              <dt className={styles.term}>{item.term}</dt>
              <dd className={styles.text}>{item.text}</dd>
            </div>
          ))}
        </dl>
      }
    >
      {label}
    </InfoLabel>
  );
}
