import { Button, makeStyles, mergeClasses, Text, tokens } from "@fluentui/react-components";
import { ChevronDownRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useEffect, useId, useState, type ReactNode } from "react";

const useStyles = makeStyles({
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    minWidth: 0,
  },
  open: { paddingBottom: tokens.spacingVerticalM },
  header: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalXXS, minWidth: 0 },
  toggle: {
    flexGrow: 1,
    flexShrink: 1,
    minWidth: 0,
    justifyContent: "flex-start",
    textAlign: "start",
    paddingLeft: 0,
    paddingRight: 0,
  },
  heading: { display: "flex", flexDirection: "column", minWidth: 0, alignItems: "flex-start" },
  title: { fontWeight: tokens.fontWeightSemibold },
  summary: {
    color: tokens.colorNeutralForeground2,
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
    maxWidth: "100%",
  },
  body: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
});

/**
 * A card that folds to one line: its title and a summary of what it holds, with its actions
 * beside; open, its fields. It opens by itself when a problem shows inside it.
 */
export function CollapsibleCard(props: {
  /** The DOM id a problem's link moves focus to. */
  id: string;
  title: string;
  summary: string;
  /** Open at first (a card just added, or one with a problem to show). */
  initiallyOpen: boolean;
  /** A problem shows inside: the card opens for it. */
  hasProblem: boolean;
  actions?: ReactNode;
  children: ReactNode;
}) {
  const styles = useStyles();
  const titleId = useId();
  const bodyId = useId();
  const [open, setOpen] = useState(props.initiallyOpen || props.hasProblem);
  useEffect(() => {
    if (props.hasProblem) setOpen(true);
  }, [props.hasProblem]);
  return (
    <div
      className={mergeClasses(styles.card, open && styles.open)}
      role="group"
      aria-labelledby={titleId}
      id={props.id}
      tabIndex={-1}
    >
      <div className={styles.header}>
        <Button
          className={styles.toggle}
          appearance="transparent"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={open ? bodyId : undefined}
          onClick={() => setOpen((o) => !o)}
        >
          <span className={styles.heading}>
            <Text id={titleId} className={styles.title}>
              {props.title}
            </Text>
            <Text size={200} className={styles.summary}>
              {props.summary}
            </Text>
          </span>
        </Button>
        {props.actions}
      </div>
      {open && (
        <div className={styles.body} id={bodyId}>
          {props.children}
        </div>
      )}
    </div>
  );
}
