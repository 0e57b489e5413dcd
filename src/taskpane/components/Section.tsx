import { makeStyles, Subtitle2, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";

const useStyles = makeStyles({
  section: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    minWidth: 0,
  },
  heading: { margin: 0 },
});

/** A titled group of fields, exposed as a region named by its title. */
export function Section(props: { title: string; children: ReactNode; id?: string }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} aria-labelledby={headingId} id={props.id} tabIndex={-1}>
      <h3 className={styles.heading} id={headingId}>
        <Subtitle2>{props.title}</Subtitle2>
      </h3>
      {props.children}
    </section>
  );
}
